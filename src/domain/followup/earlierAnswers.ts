import { Answer, EarlierAnswer } from "./model";

/**
 * Column G of a goal or uppdrag the plan changed: what was answered before, locked, for reference. One line per
 * answer: "KS: Påbörjat – Upphandling pågår." for a row moved from KS, "KS om U3: Påbörjat – …" for a row split or
 * merged from U3.
 */
export function earlierText(answers: EarlierAnswer[]): string {
  return answers
    .map(
      ({ committee, answer, replaced }) =>
        `${replaced === null ? committee : `${committee} om ${replaced}`}: ${answerText(answer)}`,
    )
    .join("\n");
}

/** The column's header over these rows' earlier answers: "annan nämnd" only when every one is another nämnd's. */
export function earlierHeader(rows: EarlierAnswer[][]): string {
  const answers = rows.flat();
  if (!answers.length) return "";
  return answers.every((a) => a.replaced === null) ? "Tidigare svar (annan nämnd)" : "Tidigare svar";
}

/** An answer as one line: "Påbörjat – Upphandling pågår.", or whichever of the two was given. */
export function answerText(answer: Answer): string {
  return [answer.input === null ? "" : String(answer.input), answer.comment ?? ""].filter((p) => p !== "").join(" – ");
}
