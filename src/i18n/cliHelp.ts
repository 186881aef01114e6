/** `maltavlan --help` in Swedish and in English (`--lang en`). */
import type { Language } from "./findings";

export const CLI_HELP: Record<Language, string> = {
  sv: `Användning:
  maltavlan validate <plan.xlsx> [--mapping m.json] [--json] [--lang sv|en]
  maltavlan generate <plan.xlsx> --period <namn> --year <åååå> [--due <åååå-mm-dd>]
                     (--out <ny-fil.xlsx> | --split <mapp>) [--answers <fil.xlsx> …] [--password-file <fil>]
                     [--utfall <export.csv|.xlsx>] [--kolada <kolada.json|.csv> …] [--kolada-kommun <id>]
                     [--previous <förra-perioden.xlsx> …] [--lang sv|en]
  maltavlan consolidate <master.xlsx> [svar.xlsx …] [--out <rapport.xlsx>] [--docx <kapitel.docx>]
                        [--period <namn> --year <åååå>] [--previous <förra-perioden.xlsx> …] [--json] [--lang sv|en]
  maltavlan template <ut.xlsx>

Kommandon:
  validate   Läser planen, kontrollerar den mot målhierarkin och skriver fynd och en sammanfattning per nämnd.
  generate   Skapar ett uppföljningsblad per nämnd för perioden (T1, Delår, Helår). Svar som redan finns i
             arbetsboken eller i filerna till --answers behålls.
             --out skriver en ny arbetsbok: planen med uppföljningsbladen. --split skriver en arbetsbok per nämnd.
             Lösenord för bladskyddet läses från --password-file eller MALTAVLAN_PASSWORD, aldrig från kommandoraden.
             --utfall läser en export ur ekonomisystemet (CSV eller .xlsx) och summerar utfallet per nämnd enligt
             tabellen Ansvar | Nämnd på bladet Inställningar.
             --kolada läser nyckeltal som sparats från Koladas öppna API (JSON) eller en CSV
             kpi;municipality;year;gender;value och fyller i Utfall för varje nyckeltal med Kolada-ID: senaste året
             i filen till och med --year. --kolada-kommun väljer kommunen (Kolada-ID) när filen har flera.
             --previous läser förra periodens svar (dess rapport, huvudarbetsboken eller de returnerade filerna)
             och visar dem låsta och gråa bredvid varje måls och uppdrags nya svar; inget fylls i som nytt svar.
             Är --previous förra årets Helår förs uppdrag som inte är klara vidare till det nya året.
  consolidate
             Läser nämndernas svar (i huvudarbetsboken och i returnerade filer), kontrollerar dem mot planen
             och skriver ekonomiavdelningens rapport. En returnerad fil går före huvudarbetsboken.
             Rapporten sparar alla periodens svar i en dold historik; --previous tar med de tidigare periodernas
             (ur en tidigare rapport, huvudarbetsbok eller returnerade filer), så att bladet Historik visar
             T1 → Delår → Helår. Bladet Förändring jämför med den senaste tidigare perioden: driftens prognos,
             bedömningar och statusar som blivit bättre eller sämre, det som blivit sämre först.
             --docx skriver måluppfyllelsekapitlet som Word-dokument (rubriker, tabeller, kommentarer, diagram).
  template   Skriver en tom planmall med nämnder, mål, uppdrag, ramjusteringar och nyckeltal.

Slutkoder: 0 klart, 1 planen har fel (inget skrevs), 2 filen eller argumenten går inte att använda (eller filen
finns redan; för consolidate också: kapitlet kunde inte sparas, rapporten finns kvar), 130 avbruten med Ctrl-C (143
med SIGTERM): det som hann skrivas togs bort.`,
  en: `Usage:
  maltavlan validate <plan.xlsx> [--mapping m.json] [--json] [--lang sv|en]
  maltavlan generate <plan.xlsx> --period <name> --year <yyyy> [--due <yyyy-mm-dd>]
                     (--out <new-file.xlsx> | --split <folder>) [--answers <file.xlsx> …] [--password-file <file>]
                     [--utfall <export.csv|.xlsx>] [--kolada <kolada.json|.csv> …] [--kolada-kommun <id>]
                     [--previous <previous-period.xlsx> …] [--lang sv|en]
  maltavlan consolidate <master.xlsx> [answers.xlsx …] [--out <report.xlsx>] [--docx <chapter.docx>]
                        [--period <name> --year <yyyy>] [--previous <previous-period.xlsx> …] [--json] [--lang sv|en]
  maltavlan template <out.xlsx>

Commands:
  validate   Reads the plan, checks it against the goal hierarchy and writes the findings and a summary per nämnd.
  generate   Makes one follow-up sheet per nämnd for the period (T1, Delår, Helår). Answers already in the
             workbook or in the --answers files are kept.
             --out writes a new workbook: the plan with the follow-up sheets. --split writes one workbook per nämnd.
             The sheet protection's password is read from --password-file or MALTAVLAN_PASSWORD, never from the
             command line.
             --utfall reads an export from the finance system (CSV or .xlsx) and sums the outcome per nämnd by
             the table Ansvar | Nämnd on the sheet Inställningar.
             --kolada reads key figures saved from Kolada's open API (JSON) or a CSV
             kpi;municipality;year;gender;value and fills in Utfall of every nyckeltal with a Kolada ID: the latest
             year in the file up to --year. --kolada-kommun picks the municipality (Kolada ID) when the file has several.
             --previous reads the previous period's answers (its report, the master workbook or the returned files)
             and shows them, locked and grey, beside each goal's and uppdrag's new answer; nothing is filled in as a
             new answer. When --previous is last year's Helår, the uppdrag not done are carried into the new year.
  consolidate
             Reads the nämnder's answers (in the master workbook and in returned files), checks them against the
             plan and writes the finance office's report. A returned file wins over the master workbook.
             The report keeps every period's answers in a hidden history; --previous brings in the earlier
             periods' (from an earlier report, master workbook or returned files), so that the sheet Historik shows
             T1 → Delår → Helår. The sheet Förändring compares with the latest earlier period: the drift's forecast,
             assessments and statuses that rose or fell, what got worse first.
             --docx writes the goal attainment chapter as a Word document (headings, tables, comments, charts).
  template   Writes an empty plan template with nämnder, goals, uppdrag, ramjusteringar and nyckeltal.

Exit codes: 0 done, 1 the plan has errors (nothing was written), 2 the file or the arguments cannot be used (or the
file exists already; for consolidate also: the chapter could not be saved, the report stays), 130 interrupted with
Ctrl-C (143 with SIGTERM): what had been written was removed.`,
};
