/**
 * The statistics core: survey statistics with SPSS conventions on Arquero tables or plain columns,
 * computed on cached typed arrays. Every result carries an `audit` line. Pure: runs in Node and in
 * the browser.
 */
export { statsError } from "./stats-problem";
export type { StatsProblem, StatsProblemKind } from "./stats-problem";
export { frameOf, isTableLike, toNumber, invalidateColumns } from "./column-cache";
export type { ColumnSource, TableLike, Columns, ColumnLike, Frame } from "./column-cache";
export { selectRows, prepareFrame } from "./select-rows";
export type { SelectOptions } from "./select-rows";
export { variableInfo, findVariable, valueLabel } from "./variable-info";
export type { VariableInfo, MetaOptions } from "./variable-info";
export { makeAudit, formatP, formatCount, pClause } from "./audit";
export { describeCondition } from "../data/filter-condition";
export type { Audit, ExcludedMissing } from "./audit";
export type { FilterCondition } from "../data/filter-condition";
export { chiSquareUpperTail, fUpperTail, tTwoSided, normalTwoSided, tInv, zInv } from "./distributions";
export { frequencies } from "./frequencies";
export type { FrequencyTable, FrequencyRow, FrequencyOptions } from "./frequencies";
export { crosstab } from "./crosstab";
export type { Crosstab, CrosstabCell, CrosstabOptions, Category, ExpectedWarning } from "./crosstab";
export { chiSquareTests } from "./chi-square";
export type { ChiSquareTests, TestResult } from "./chi-square";
export { cramersV } from "./cramers-v";
export type { AssociationMeasures } from "./cramers-v";
export { pearson, pearsonEach, correlationFromSums } from "./pearson";
export type { Correlation, PearsonResult, CorrelationOptions, PearsonOptions } from "./pearson";
export { recodeImageKey } from "./recode";
export type { Recode, RecodeOption } from "./recode";
export { spearman } from "./spearman";
export type { SpearmanResult } from "./spearman";
export { averageRanks } from "./ranks";
export { correlationMatrix, correlationMatrixEach } from "./correlation-matrix";
export type { CorrelationMatrix, CorrelationCell, CorrelationMatrixOptions } from "./correlation-matrix";
export type { Deletion } from "./pair-sums";
export { benjaminiHochberg, significanceMark } from "./fdr";
export { multipleResponse } from "./multiple-response";
export type { MultipleResponseTable, MultipleResponseRow, MultipleResponseOptions } from "./multiple-response";
export { sizeClassRates, sizeClassRatesEach, sizeClassMeans, sizeClassMeansEach, wilsonInterval, cochranArmitage } from "./size-class";
export type { SizeClassComparison, SizeClassRow, SizeClassOptions, Interval, TrendTest } from "./size-class";
export { compareGroups, compareGroupsEach, testsLine } from "./compare-groups";
export type { GroupComparison, GroupRow, CompareGroupsOptions } from "./compare-groups";
export { groupTests, oneWayAnova, welchAnova, kruskalWallis } from "./group-tests";
export type { GroupTests, AnovaTest, WelchTest, KruskalWallisTest, GroupTestReason } from "./group-tests";
export { postHoc, postHocEach } from "./post-hoc";
export type { PostHoc, PostHocOptions } from "./post-hoc";
export { tukeyHsd, gamesHowell, dunn, holm } from "./post-hoc-tests";
export type { RangePair, DunnPair, PairReason, Adjustment, GroupSummary } from "./post-hoc-tests";
export { studentizedRangeCdf, studentizedRangeUpperTail, studentizedRangeQuantile } from "./studentized-range";
export { postStratify, populationCells, resolveWeights } from "./weights";
export type { PopulationCell, PostStratification, WeightSpec } from "./weights";
export { psppSyntax } from "./pspp-syntax";
export type { Analysis, PsppExportOptions, ExportColumn } from "./pspp-syntax";
export { filterView, isFilterView } from "./filter-view";
export type { FilterView } from "./filter-view";
export { ratePercents } from "./size-class";
export type { RatePercent } from "./size-class";
// The disclosure guard ("< 3") lives beside the kernels; owned by the filters work.
export * from "./disclosure";
export { weightingEffect } from "./weighting-effect";
export type { WeightingEffect, WeightingEffectRow } from "./weighting-effect";
export * from "./fisher-exact";
