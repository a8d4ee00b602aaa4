/**
 * The statistics kernels a notebook and the tables call, each remembering what its results rest on
 * (result-evidence.ts): one wrapped instance per kernel, so `stats.crosstab` in a cell and
 * `tables.crosstab(selection, …)` give results a table can mark the same way.
 */
import {
  correlationMatrix as plainCorrelationMatrix, crosstab as plainCrosstab, frequencies as plainFrequencies, pearson as plainPearson,
  sizeClassMeans as plainSizeClassMeans, sizeClassRates as plainSizeClassRates, spearman as plainSpearman,
} from "../../stats/index";
import { evidencedKernel } from "./result-evidence";

export const crosstab = evidencedKernel(plainCrosstab);
export const frequencies = evidencedKernel(plainFrequencies);
export const correlationMatrix = evidencedKernel(plainCorrelationMatrix);
export const pearson = evidencedKernel(plainPearson);
export const spearman = evidencedKernel(plainSpearman);
export const sizeClassRates = evidencedKernel(plainSizeClassRates);
export const sizeClassMeans = evidencedKernel(plainSizeClassMeans);
