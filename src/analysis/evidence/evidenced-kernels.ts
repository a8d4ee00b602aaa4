/**
 * The statistics kernels a notebook and the tables call, each remembering what its results rest on
 * (result-evidence.ts): one wrapped instance per kernel, so `stats.crosstab` in a cell and
 * `tables.crosstab(selection, …)` give results a table can mark the same way. A kernel with an `…Each`
 * form computes the reconstructions' results in one call: its arguments are checked once, not 49 times.
 */
import {
  compareGroups as plainCompareGroups, compareGroupsEach, correlationMatrix as plainCorrelationMatrix, correlationMatrixEach, crosstab as plainCrosstab, frequencies as plainFrequencies, pearson as plainPearson, pearsonEach,
  postHoc as plainPostHoc, postHocEach, sizeClassMeans as plainSizeClassMeans, sizeClassMeansEach, sizeClassRates as plainSizeClassRates, sizeClassRatesEach, spearman as plainSpearman,
} from "../../stats/index";
import { evidencedKernel } from "./result-evidence";

export const crosstab = evidencedKernel(plainCrosstab);
export const frequencies = evidencedKernel(plainFrequencies);
export const correlationMatrix = evidencedKernel(plainCorrelationMatrix, correlationMatrixEach);
export const pearson = evidencedKernel(plainPearson, pearsonEach);
export const spearman = evidencedKernel(plainSpearman);
export const sizeClassRates = evidencedKernel(plainSizeClassRates, sizeClassRatesEach);
export const sizeClassMeans = evidencedKernel(plainSizeClassMeans, sizeClassMeansEach);
export const compareGroups = evidencedKernel(plainCompareGroups, compareGroupsEach);
export const postHoc = evidencedKernel(plainPostHoc, postHocEach);
