/**
 * The names of the six models for the filter bar: the codebook's short label of each status
 * variable. Its own module because the filter bar is in the app's startup code, which must not pull
 * in the survey's loading and error machinery.
 */
import { DEFAULT_LOCALE, pickLabel, type Locale } from "../base/locale/locale";
import type { Codebook } from "../data/codebook";
import type { ModelLabel } from "../data/survey-filter";

/** The codebook's short label of a model's status variable in `locale` ("Balansert målstyring"). */
export function modelLabelOf(codebook: Codebook, locale: Locale = DEFAULT_LOCALE): ModelLabel {
  return (variable) => {
    const label = codebook.variables.find((v) => v.name === variable)?.label;
    return label ? pickLabel(label, locale) : variable;
  };
}
