import { correctedMapping } from "../src/domain/mapping";

/** Koppla's choices become the saved mapping by these rules (the component only collects the choices). */
describe("correctedMapping", () => {
  const detected = (sheet: string) => ({ Uppdrag: "assignment", Mål: "goal" })[sheet];

  test("a chosen kind replaces the sheet's saved entry; other sheets and the years stay", () => {
    const saved = {
      years: [2025],
      sheets: { Uppdrag: { kind: "assignment" as const, headerRow: 3 }, Mål: { kind: "goal" as const } },
    };
    expect(correctedMapping(saved, { Uppdrag: "keyFigure" }, {}, detected)).toEqual({
      years: [2025],
      sheets: { Uppdrag: { kind: "keyFigure" }, Mål: { kind: "goal" } },
    });
  });

  test("a corrected header row or column keeps the detected kind and adds to the saved columns", () => {
    const saved = { sheets: { Uppdrag: { kind: "assignment" as const, columns: { A: "id" as const } } } };
    const corrected = correctedMapping(
      saved,
      {},
      { Uppdrag: { columns: { B: "ignore" } }, Mål: { headerRow: 4 } },
      detected,
    );
    expect(corrected.sheets).toEqual({
      Uppdrag: { kind: "assignment", columns: { A: "id", B: "ignore" } },
      Mål: { kind: "goal", headerRow: 4 },
    });
  });

  test("corrections of a sheet not read as a table are dropped, not saved under a kind it does not have", () => {
    const corrections = { Uppdrag: { headerRow: 2 }, Klistrat: { headerRow: 5 }, Okänt: { headerRow: 1 } };
    const corrected = correctedMapping({}, { Uppdrag: "pasted" }, corrections, detected);
    expect(corrected.sheets).toEqual({ Uppdrag: { kind: "pasted" } });
  });
});
