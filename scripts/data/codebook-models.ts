/**
 * Builders for the codebook source: card columns, variables in a fixed key order, item batteries,
 * and the block of one model (status, service areas, results, expectations) with its skip rule.
 * The six model blocks share one layout, so it is written once here.
 */
import type { CardColumns, CodeLabel, CodebookVariable, SkipRule } from "../../src/data/codebook";
import { AREA_CODES, DEGREE_SCALE, EXPECTATION_SCALE, SERVICE_AREAS, statusCodes, type Model, type Text } from "./codebook-vocabulary";

/** Shorthand used by the builders. */
export type Var = CodebookVariable;

/** Columns as printed; `inferredWhy` marks a column cut or missing in the extract. */
export function cols(start: number, end = start, inferredWhy?: string): CardColumns {
  return inferredWhy === undefined ? { start, end } : { start, end, inferred: true, note: inferredWhy };
}

/** Columns of a derived variable, which is not on the card. */
export const NOT_ON_CARD: CardColumns = { start: 0, end: 0, note: "Derived: not on the card." };

/** A variable with its optional fields omitted when empty, keys in a fixed order. */
export function variable(v: Var): Var {
  // A fixed key order keeps the JSON byte-stable however the call site spelled the object.
  return {
    name: v.name,
    question: v.question,
    no: v.no,
    en: v.en,
    ...(v.label ? { label: { no: v.label.no, en: v.label.en } } : {}),
    kind: v.kind,
    codes: v.codes,
    missing: v.missing,
    columns: v.columns,
    ...(v.range ? { range: v.range } : {}),
    ...(v.set ? { set: v.set } : {}),
    ...(v.note ? { note: v.note } : {}),
  };
}

/** Item variables q<n>_1 … q<n>_k of one battery, one card column each from `start`. */
export function battery(
  q: number,
  stem: Text,
  items: readonly Text[],
  start: number,
  codes: CodeLabel[],
  missing: number[],
  itemExtras: (index: number) => { columns?: CardColumns; note?: string } = () => ({}),
): Var[] {
  return items.map((item, i) => {
    const extra = itemExtras(i);
    return variable({
      name: `q${q}_${i + 1}`,
      question: `q${q}`,
      no: `${stem.no} – ${item.no}`,
      en: `${stem.en} – ${item.en}`,
      label: { no: item.no, en: item.en },
      kind: "categorical",
      codes,
      missing,
      columns: extra.columns ?? cols(start + i),
      ...(extra.note ? { note: extra.note } : {}),
    });
  });
}

const ADOPTERS_ONLY_NOTE =
  "Printed filter \"Hvis dere har innført …\" (if you have introduced …) is an instruction, not a " +
  "skip rule: only the status code 4 skip is printed, so respondents still introducing or planning " +
  "(status 2–3) can answer too, and the report's results tables can count more answers than adopters.";

/**
 * The block of one model in card order: status, ten service areas, (q9 intranet for servicetorg),
 * results items and expectations. Columns follow from the status column; exceptions come from the model.
 */
export function modelVariables(m: Model): Var[] {
  const status = variable({
    name: `q${m.status}`,
    question: `q${m.status}`,
    no: m.statusQuestion.no,
    en: m.statusQuestion.en,
    label: m.name,
    kind: "categorical",
    codes: statusCodes(m.noun),
    missing: [],
    columns: cols(m.statusColumn),
    note: `No "vet ikke" box is printed; a blank is system missing. Code 4 (no plans) skips to question ${m.goto.slice(1)}.`,
  });
  const areaStem = {
    no: `Innenfor hvilke tjenesteområder har kommunen eller fylkeskommunen innført eller planlegger å innføre ${m.noun.no}? Sett ett kryss for hver linje.`,
    en: `In which service areas has the municipality or county introduced or does it plan to introduce ${m.noun.en}? One cross per line.`,
  };
  const areas = battery(m.status + 1, areaStem, SERVICE_AREAS, m.statusColumn + 1, AREA_CODES, [9], (i) =>
    m.areaExtras?.(i) ?? {},
  );
  const resultStem = {
    no: `Hvis dere har innført ${m.noun.no}, hvilke resultater har dere oppnådd? Sett ett kryss for hver av de mulige effektene.`,
    en: `If you have introduced ${m.noun.en}, what results have you achieved? One cross for each possible effect.`,
  };
  const resultStart = m.statusColumn + 1 + SERVICE_AREAS.length + (m.intranet ? 1 : 0);
  const results = battery(m.status + 2 + (m.intranet ? 1 : 0), resultStem, m.results, resultStart, DEGREE_SCALE, [9], (i) => {
    const extra = m.resultExtras?.(i) ?? {};
    const notes = [extra.note, ADOPTERS_ONLY_NOTE, "The free-text line \"Andre resultater\" was not punched."];
    return { ...extra, note: notes.filter((n) => n !== undefined).join(" ") };
  });
  const expQ = m.status + 3 + (m.intranet ? 1 : 0);
  const expColumn = resultStart + m.results.length;
  const expectations = variable({
    name: `q${expQ}`,
    question: `q${expQ}`,
    no: `I hvilken grad er forventningene til resultat blitt innfridd ved innføring av ${m.noun.no}? Sett ett kryss.`,
    en: `To what extent have the expectations of results been met by introducing ${m.noun.en}? One cross.`,
    label: { no: `Forventninger innfridd: ${m.name.no}`, en: `Expectations met: ${m.name.en}` },
    kind: "categorical",
    codes: EXPECTATION_SCALE,
    missing: [9],
    columns: m.expectationColumnWhy ? cols(expColumn, expColumn, m.expectationColumnWhy) : cols(expColumn),
    note: [m.expectationNote, ADOPTERS_ONLY_NOTE].filter(Boolean).join(" "),
  });
  const intranet: Var[] = m.intranet
    ? [
        variable({
          name: "q9",
          question: "q9",
          no: "I hvilken grad har kommunen eller fylkeskommunen innført intranettløsninger i tilknytning til drift av servicetorget? Sett ett kryss.",
          en: "To what extent has the municipality or county introduced intranet solutions in connection with running the service centre? One cross.",
          label: { no: "Intranettløsning", en: "Intranet solution" },
          kind: "categorical",
          codes: statusCodes({ no: "intranettløsning", en: "an intranet solution" }),
          missing: [],
          columns: cols(38),
          note:
            "Printed between q8 and q10, inside the range of q7's \"gå til spørsmål 12\"; it asks about " +
            "intranet \"i tilknytning til drift av servicetorget\", so it presupposes a service centre. " +
            "Decision: the q7 skip applies (q9 blank when q7 = 4). The report's 19/22/44/15 % are then " +
            "percentages of those who answered q9. No \"vet ikke\" box is printed.",
        }),
      ]
    : [];
  return [status, ...areas, ...intranet, ...results, expectations];
}

/** The printed "gå til spørsmål N" rule of a model: status 4 blanks every question between. */
export function skipRule(m: Model, all: readonly Var[]): SkipRule {
  const from = m.status;
  const to = Number(m.goto.slice(1));
  const skips = all
    .filter((v) => {
      const n = Number(v.question.slice(1));
      return n > from && n < to;
    })
    .map((v) => v.name);
  return {
    id: `skip_q${from}`,
    variable: `q${from}`,
    codes: [4],
    goto: m.goto,
    skips,
    printed: `4 Har ikke planer om å innføre ${m.noun.no} → gå til spørsmål ${to}`,
  };
}
