/**
 * What a report says about itself — title, filter, data notice — from the shell's own state (the
 * frame could claim anything): the notice is the one the header shows for this notebook.
 */
import type { Locale, Messages } from "../../base/locale/locale";
import { describeSurveyFilter } from "../../data/survey-filter";
import { readsSurvey } from "../data-notice";
import type { DataSource } from "../data-source";
import type { FrameSession } from "../sandbox/frame-session";
import type { OpenNotebook, Workbench } from "../workbench";
import { usesFilter } from "../workbench";
import type { ReportHead } from "./report-document";

/** The head of the open notebook's report, its notice and filter in `locale` (`words` its catalogue). */
export function reportHeadFor(wb: Workbench<FrameSession>, open: OpenNotebook<FrameSession>, data: DataSource | undefined, words: Messages, locale: Locale, now = new Date()): ReportHead {
  const session = open.session;
  const active = data?.active;
  const onUserData = active?.kind === "user" && session.dataKind === "user";
  const notice = readsSurvey(session, open.readPaths) ? (active?.kind === "user" && onUserData ? words.userDataNotice(active.name, active.rows) : words.reconstructionNotice) : undefined;
  const filter = usesFilter(session) ? describeSurveyFilter(wb.filter.filter, locale) : words.reportFilterNotRead;
  return { title: session.doc.title || words.untitled, filter, notice, made: now.toLocaleString(locale === "nb" ? "nb-NO" : "en-GB"), locale };
}
