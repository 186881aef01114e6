import { Finding, FindingParams, RuleId } from "../domain/findings";
import { formatNumber } from "./numberFormats";

/** Messages for findings, Swedish first (the users' language), English second. Each says what is wrong and what to do. */

export type Language = "sv" | "en";

type Message = (p: FindingParams) => string;

/** An amount in tkr as each language writes it: "−3 150" (U+2212, no-break space), "-3,150". */
function tkr(value: string | number, language: Language): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return formatNumber(n, language);
}

/** A count as each language groups it: "32 767", "32,767". */
function count(value: string | number, language: Language): string {
  return formatNumber(Number(value), language);
}

const FIELD_LABELS: Record<Language, Record<string, string>> = {
  sv: {
    id: "ID",
    level: "Nivå",
    name: "Namn",
    parent: "Överordnat mål",
    committee: "Nämnd",
    amount: "Belopp",
    year: "År",
    kind: "Typ",
  },
  en: {
    id: "ID",
    level: "Level",
    name: "Name",
    parent: "Parent goal",
    committee: "Committee",
    amount: "Amount",
    year: "Year",
    kind: "Type",
  },
};

const suggest = (p: FindingParams, sv: boolean) =>
  p.suggestion ? (sv ? ` Menade du "${p.suggestion}"?` : ` Did you mean "${p.suggestion}"?`) : "";

const MESSAGES: Record<Language, Record<RuleId, Message>> = {
  sv: {
    "required-field": (p) => {
      const label = FIELD_LABELS.sv[String(p.field)] ?? p.field;
      return p.column === "none"
        ? `${label} saknas, och bladet har ingen kolumn för det. Lägg till kolumnen ${label} eller välj en under Koppla.`
        : `${label} saknas. Fyll i cellen.`;
    },
    "error-value": (p) => `Cellen innehåller felvärdet ${p.value}. Rätta formeln eller skriv in värdet.`,
    "unknown-goal": (p) =>
      `Målet "${p.name}" finns inte i planen.${suggest(p, true)} Skriv målets ID eller exakta namn.`,
    "parent-level": (p) =>
      `"${p.name}" (${p.level}) kan inte höra till "${p.parent}" (${p.parentLevel}): ett överordnat mål måste stå på en högre nivå.`,
    "goal-cycle": (p) =>
      `"${p.name}" hör till sig självt via sina överordnade mål. Bryt kedjan genom att ändra överordnat mål.`,
    "duplicate-id": (p) => `ID "${p.id}" används redan. Ge raden ett eget ID.`,
    "duplicate-assignment": (p) =>
      `Uppdraget "${p.title}" finns redan (${p.other}) för samma nämnder och år. Ta bort dubbletten eller koppla det till ett annat mål.`,
    "unknown-committee": (p) =>
      `Nämnden "${p.name}" finns inte i nämndregistret.${suggest(p, true)} Lägg till den i registret eller rätta namnet.`,
    "unknown-level": (p) => `Nivån "${p.value}" finns inte i målnivåerna.${suggest(p, true)}`,
    "amount-unparseable": (p) =>
      p.problem === "too-precise"
        ? `Beloppet "${p.value}" har fler decimaler än ett öre. Avrunda beloppet.`
        : `"${p.value}" går inte att läsa som ett belopp. Skriv t.ex. 1 200 tkr eller 1,2 mnkr.`,
    "amount-ambiguous": (p) =>
      `Beloppet "${p.value}" kan läsas på två sätt${
        p.first === undefined ? "" : `: som ${tkr(p.first, "sv")} ${p.unit} eller som ${tkr(p.second, "sv")} ${p.unit}`
      }. Skriv det med decimalkomma och mellanslag som tusentalsavgränsare, t.ex. 1 200 tkr eller 1,2 tkr, och minus med minustecken.`,
    "amount-sign": (p) => `Typen "${p.word}" och tecknet i beloppet "${p.value}" säger olika riktning. Rätta det ena.`,
    "direction-invalid": (p) => `"${p.value}" är ingen känd typ av ramjustering. Skriv Ramökning eller Ramminskning.`,
    "adjustment-unknown-assignment": (p) =>
      `Ramjusteringen hänvisar till uppdraget "${p.name}", som inte finns i planen.${suggest(p, true)}`,
    "adjustment-committee-ambiguous": (p) =>
      `Beloppet gäller ett uppdrag med flera nämnder (${p.committees}). Ange vilken nämnd ramjusteringen avser, t.ex. på bladet Ramjusteringar.`,
    "year-outside-plan": (p) => `Året ${p.year} ligger utanför planens år (${p.years}). Rätta året eller planens år.`,
    "year-invalid": (p) => `"${p.value}" är inget årtal. Skriv året med fyra siffror, t.ex. 2025.`,
    "assignment-no-committee": () => `Uppdraget saknar ansvarig nämnd. Ange minst en nämnd.`,
    "kolada-id": (p) => `"${p.value}" är inget Kolada-ID. Ett Kolada-ID är en bokstav och fem siffror, t.ex. N00945.`,
    "duration-unspecified": () =>
      `Det framgår inte om ramjusteringen är varaktig eller tillfällig. Ange varaktighet eller år.`,
    "duration-invalid": (p) => `"${p.value}" är ingen varaktighet. Skriv Varaktig eller Tillfällig.`,
    "origin-invalid": (p) => `"${p.value}" är ingen känd uppdragsgivare. Skriv Fullmäktige eller Nämnd.`,
    "committee-kind-invalid": (p) => `"${p.value}" är ingen känd typ. Skriv Nämnd eller Bolag.`,
    "ram-previous-unclear": (p) =>
      `Det går inte att se om ram föregående år för ${p.year} redan innehåller förra årets tillfälliga ramjusteringar (${tkr(p.ending, "sv")} tkr). Avstämningen antar att den gör det; välj annat i steget Koppla (eller ange previousRamHoldsTemporary i kopplingsfilen) om den inte gör det.`,
    "ram-mismatch": (p) =>
      `Ramen för ${p.committee} ${p.year} är ${tkr(p.written, "sv")} tkr, men ram föregående år ${tkr(p.previous, "sv")} tkr${
        Number(p.ending) ? ` minus tillfälliga som upphör ${tkr(p.ending, "sv")} tkr` : ""
      } och årets ${p.changes} ändringar ger ${tkr(p.expected, "sv")} tkr (skillnad ${tkr(p.difference, "sv")} tkr). Rätta ramen eller ändringarna.`,
    "hidden-content": (p) =>
      p.what === "sheet"
        ? `Bladet är dolt men läses in i planen (${p.rows} ${p.rows === 1 ? "rad" : "rader"}). Visa bladet och kontrollera att innehållet ska vara med, eller ta bort det.`
        : `${p.rows} ${p.rows === 1 ? "dold rad" : "dolda rader"} på bladet läses in i planen, den första här. Visa raderna och kontrollera att de ska vara med, eller ta bort dem.`,
    "pasted-committee-unknown": (p) =>
      `"${p.name}" står som mottagare av ett uppdrag i den inklistrade texten men finns varken i ett nämndregister eller bland de vanliga nämnderna. Kontrollera namnet, eller lägg till ett blad med planens nämnder.`,
    "pasted-mostly-unread": (p) =>
      `Det mesta av den inklistrade texten förstods inte: ${p.unread} av ${p.lines} rader läses inte in i planen (se Ej läst). Kontrollera att planen fick med allt, eller koppla bladet.`,
    "all-committees-no-register": (p) =>
      `"Samtliga nämnder" står på ${p.rows} ${p.rows === 1 ? "rad" : "rader"}, den första här, men planen har inget register över nämnderna, så Måltavlan vet inte vilka de är. Lägg till ett blad med planens nämnder.`,
    "sheet-not-read": (p) =>
      `Bladet läses inte (${p.cells} ${p.cells === 1 ? "ifylld cell" : "ifyllda celler"}): ${
        p.why === "mapping"
          ? "kopplingen säger Läs inte."
          : p.why === "veryHidden"
            ? "det är helt dolt (bara synligt i VBA-redigeraren)."
            : p.why === "investmentNoYear"
              ? "det ser ut som en investeringsbudget men har ingen kolumn per år (”Budget 2025”, ”Plan 2026”), så beloppen hör inte till något år i planen."
              : p.why === "investmentNoCommittee"
                ? "det ser ut som en investeringsbudget men anger ingen nämnd för projekten (en kolumn Nämnd, nämndens namn på en rad ovanför dess projekt eller i rubriken)."
                : "Måltavlan känner inte igen det som mål, uppdrag, ramjusteringar, nyckeltal eller nämnder. Koppla bladet om det hör till planen."
      }`,
    "text-too-long": (p) =>
      `Texten har ${count(p.length, "sv")} tecken; Excel rymmer högst ${count(p.max, "sv")} i en cell. I uppföljningsbladen står bara början av den. Korta texten.`,
    "followup-marker-missing": () =>
      `Måltavlans märkning i cell A1–A2 saknas eller har ändrats. Bladet lästes ändå, men generera det på nytt innan nästa utskick.`,
    "followup-unknown-row": (p) =>
      `Raden har en nyckel (${p.key}) som inte finns i planen. Svaret tas inte med i sammanställningen.`,
    "followup-missing-row": (p) =>
      `Raden för "${p.title}" saknas i bladet (borttagen?). Be nämnden svara på den, eller generera bladet på nytt.`,
    "followup-duplicate-row": (p) => `Nyckeln ${p.key} finns på flera rader. Bara den första raden tas med.`,
    "followup-locked-changed": (p) =>
      `Låst innehåll har ändrats: planen säger "${p.expected}". Ändringen påverkar inte planen; rätta i planen om den är fel.`,
    "followup-row-inserted": (p) =>
      p.empty
        ? `En tom rad har lagts till för hand. Den påverkar inget, men lägg inte till rader: ta bort den.`
        : `Raden har lagts till för hand och saknar nyckel. Innehållet tas inte med; flytta svaret till rätt rad.`,
    "followup-not-in-list": (p) => `"${p.value}" finns inte i listan (${p.allowed}). Välj ett värde i listan.`,
    "followup-comment-missing": (p) => `Kommentar saknas: när status är "${p.value}" ska nämnden förklara varför.`,
    "followup-amount-invalid": (p) => `"${p.value}" går inte att läsa som ett belopp i tkr. Skriv ett tal, t.ex. 180.`,
    "followup-amount-sign": (p) =>
      `${p.kind === "outcome" ? "Utfallet" : "Prognosen"} ${tkr(p.value, "sv")} tkr har motsatt tecken mot beloppet ` +
      `${tkr(p.amount, "sv")} tkr, så avvikelsen blir ${tkr(p.deviation, "sv")} tkr. Menade nämnden ` +
      `${tkr(-Number(p.value), "sv")}? Skriv med samma tecken som beloppet: en minskning skrivs negativ.`,
    "followup-duplicate-return": (p) =>
      `Nämnden ${p.committee} har lämnat flera svar (${p.files}). Det senaste används: ${p.used}.`,
    "followup-sheet-renamed": (p) => `Bladet har bytt namn (var "${p.expected}"). Det lästes ändå via sin märkning.`,
    "followup-previous-none": (p) =>
      `Filen med den tidigare perioden har inga uppföljningsblad för en annan period än den som skapas${p.found ? ` (bladen gäller ${p.found})` : ""}, så inga tidigare svar kan visas. Välj planen eller de återlämnade filerna från den förra perioden.`,
    "followup-carried-near": (p) =>
      `Uppdraget liknar "${p.earlier}" från ${p.year}, som inte var klart och förs vidare under "Pågående uppdrag från tidigare år". Är det samma uppdrag? Ge det i så fall exakt samma rubrik i planen, så visas det en gång, här.`,
    "followup-carried-committee-gone": (p) =>
      `Nämnden ${p.committee} finns inte i den nya planen, så dess uppdrag som inte var klara förs inte vidare. Lägg in nämnden i planen, eller ge uppdragen till en annan nämnd. Uppdragen: ${p.titles}`,
    "followup-previous-other-plan": (p) =>
      `Uppföljningsbladen för ${p.period} i filen hör till en annan plan: ingen av deras rader finns i den här planen, så inga tidigare svar kan visas. Välj filen från den förra perioden av den här planen.`,
    "followup-history-unreadable": (p) =>
      `Raden i Måltavlans historik går inte att läsa (${p.column}: "${p.value}"), så det svaret kom inte med i historiken. Övriga rader lästes. Historiken skrivs av Måltavlan och ska inte ändras för hand: ta periodens rapport som --previous för att få tillbaka svaret.`,
    "followup-no-sheet": (p) =>
      `Filen har inget uppföljningsblad för ${p.period}${p.found ? ` (bladen gäller ${p.found})` : ""}, så inget ur den kom med i sammanställningen. Kontrollera att nämnden skickat rätt fil.`,
    "followup-text-too-long": (p) =>
      `Texten har ${count(p.length, "sv")} tecken; Excel rymmer högst ${count(p.max, "sv")} i en cell. Rapporten och nya uppföljningsblad visar början av den; hela texten finns kvar i den här filen. Korta texten.`,
    "followup-formula-uncomputed": () =>
      `Cellen innehåller en formel men filen saknar dess uträknade värde (den sparades av ett program som inte räknar), så svaret kan inte läsas. Öppna filen i Excel och spara den igen, eller skriv in värdet.`,
    "followup-committee-recoded": (p) =>
      `Bladet gäller nämnden ${p.from}, som inte finns i planen längre. Det lästes som ${p.to}, ${p.how === "name" ? "som har samma namn" : "vars rader bladet har"}. Kontrollera att det är rätt nämnd.`,
    "followup-committee-unknown": (p) =>
      p.tied
        ? `Bladet saknar märkning och namn, och dess rader passar lika bra på flera nämnder (${p.tied}), så dess ${p.rows} rader kom inte med. Ge bladet nämndens namn, t.ex. "${String(p.tied).split(", ")[0]} …", och läs in det igen.`
        : `Bladet går inte att knyta till någon nämnd i planen${p.committee ? ` (det gäller ${p.committee})` : ""}, så dess ${p.rows} rader kom inte med. Lägg till nämnden i planen eller kontrollera att det är rätt fil.`,
    "followup-answer-moved": (p) =>
      `"${p.title}" har flyttats från nämnden ${p.from} till ${p.to} i planen. Svaret står kvar under Utgår ur planen på bladet för ${p.from}${shownMoved(p) ? ` och visas låst på bladet för ${p.to}, som svarar för sig` : `; ${p.to} svarar för sig på sin rad`}.`,
    "ledger-amount-unparseable": (p) =>
      `"${p.value}" går inte att läsa som ett belopp i kronor. Raden räknas inte, och dess nämnd får ingen utfallssiffra förrän beloppet rättats i exporten (t.ex. -1 234,50).`,
    "ledger-amount-ambiguous": (p) =>
      `Beloppet "${p.value}" kan läsas på två sätt (minus eller en anteckning inom parentes, eller punkt som tusental eller decimal). Raden räknas inte, och dess nämnd får ingen utfallssiffra förrän exporten skriver det med decimalkomma och minustecken.`,
    "ledger-rule-invalid": (p) =>
      `"${p.value}" är ingen kod, inget intervall (1000-1999) och inget prefix (1*). Rätta cellen; raden används inte.`,
    "ledger-committee-unknown": (p) =>
      p.name === ""
        ? `Ansvaret ${p.code} saknar nämnd. Skriv nämndens förkortning eller namn; raden används inte.`
        : `Nämnden "${p.name}" (för ansvar ${p.code}) finns inte i planen. Skriv en förkortning eller ett namn ur planens nämnder; raden används inte.`,
    "ledger-rule-collision": (p) =>
      `${p.rule} går till en annan nämnd än ${p.earlier} i ${p.cell} (${p.committee}), men koder som båda omfattar kan bara höra till en: ${p.earlier} gäller. Gör det ena mer precist.`,
    "followup-answer-replaced": (p) =>
      `Uppdraget "${p.title}" (${p.id}) finns inte i planen längre, och planens ${p.to} bygger på dess ID: det lästes som uppdelat eller sammanslaget. Svaret från ${p.from} står kvar under Utgår ur planen och visas låst på ${p.to} (bladen för ${p.committees}), som besvaras för sig. Kontrollera att det är rätt uppdrag.`,
    "followup-ledger-differs": (p) =>
      `Nämnden har skrivit utfallet ${tkr(p.typed, "sv")} tkr; huvudboken säger ${tkr(p.ledger, "sv")} tkr. Nämndens siffra står kvar. Kontrollera vilken som gäller och rätta i bladet om det behövs.`,
    "followup-kolada-differs": (p) =>
      `Nämnden har skrivit utfallet ${tkr(p.typed, "sv")}; Kolada säger ${tkr(p.kolada, "sv")} för ${p.year}. Nämndens siffra står kvar och Koladas står bredvid. Kontrollera vilken som gäller och rätta i bladet om det behövs.`,
    "followup-economy-implausible": (p) =>
      `${p.kind === "outcome" ? "Utfallet" : "Prognosen"} ${tkr(p.value, "sv")} tkr avviker från budgeten ${tkr(p.budget, "sv")} tkr med ${tkr(p.deviation, "sv")} tkr, mer än halva budgeten. Är beloppet skrivet i kronor i stället för tkr, eller en kostnad skriven negativ? Kostnader skrivs positiva, i tkr.`,
    "followup-economy-explanation-missing": (p) =>
      p.what === "measures"
        ? `Åtgärder saknas: avvikelsen är ${tkr(p.deviation, "sv")} tkr${p.percent === "" ? "" : ` (${tkr(p.percent, "sv")} % av budgeten)`}, ett underskott. Skriv vad nämnden gör för att komma i balans.`
        : `Kommentar saknas: avvikelsen är ${tkr(p.deviation, "sv")} tkr. Förklara avvikelsen mot budgeten.`,
  },
  en: {
    "required-field": (p) => {
      const label = FIELD_LABELS.en[String(p.field)] ?? p.field;
      return p.column === "none"
        ? `${label} is missing, and the sheet has no column for it. Add a ${label} column or choose one under Map.`
        : `${label} is missing. Fill in the cell.`;
    },
    "error-value": (p) => `The cell holds the error value ${p.value}. Fix the formula or type the value.`,
    "unknown-goal": (p) =>
      `The goal "${p.name}" is not in the plan.${suggest(p, false)} Write the goal's ID or exact name.`,
    "parent-level": (p) =>
      `"${p.name}" (${p.level}) cannot belong to "${p.parent}" (${p.parentLevel}): a parent goal must stand on a higher level.`,
    "goal-cycle": (p) => `"${p.name}" belongs to itself through its parent goals. Change a parent to break the chain.`,
    "duplicate-id": (p) => `ID "${p.id}" is already used. Give the row an ID of its own.`,
    "duplicate-assignment": (p) =>
      `The assignment "${p.title}" already exists (${p.other}) for the same committees and year. Remove the duplicate or link it to another goal.`,
    "unknown-committee": (p) =>
      `The committee "${p.name}" is not in the register.${suggest(p, false)} Add it to the register or correct the name.`,
    "unknown-level": (p) => `The level "${p.value}" is not one of the goal levels.${suggest(p, false)}`,
    "amount-unparseable": (p) =>
      p.problem === "too-precise"
        ? `The amount "${p.value}" is more precise than one öre. Round it.`
        : `"${p.value}" cannot be read as an amount. Write e.g. 1 200 tkr or 1,2 mnkr.`,
    "amount-ambiguous": (p) =>
      `The amount "${p.value}" can be read two ways${
        p.first === undefined ? "" : `: as ${tkr(p.first, "en")} ${p.unit} or as ${tkr(p.second, "en")} ${p.unit}`
      }. Write it with a decimal comma and spaces between thousands, e.g. 1 200 tkr or 1,2 tkr.`,
    "amount-sign": (p) =>
      `The type "${p.word}" and the sign of "${p.value}" point in different directions. Correct one.`,
    "direction-invalid": (p) =>
      `"${p.value}" is not a known kind of frame adjustment. Write Ramökning or Ramminskning.`,
    "adjustment-unknown-assignment": (p) =>
      `The frame adjustment refers to the assignment "${p.name}", which is not in the plan.${suggest(p, false)}`,
    "adjustment-committee-ambiguous": (p) =>
      `The amount belongs to an assignment with several committees (${p.committees}). Say which committee the adjustment is for.`,
    "year-outside-plan": (p) => `The year ${p.year} is outside the plan's years (${p.years}).`,
    "year-invalid": (p) => `"${p.value}" is not a year. Write four digits, e.g. 2025.`,
    "assignment-no-committee": () => `The assignment has no responsible committee. Name at least one.`,
    "kolada-id": (p) => `"${p.value}" is not a Kolada id: a letter and five digits, e.g. N00945.`,
    "duration-unspecified": () =>
      `It is not clear whether the frame adjustment is permanent or temporary. Give a duration or a year.`,
    "duration-invalid": (p) => `"${p.value}" is not a duration. Write Varaktig or Tillfällig.`,
    "origin-invalid": (p) => `"${p.value}" is not a known origin. Write Fullmäktige or Nämnd.`,
    "committee-kind-invalid": (p) => `"${p.value}" is not a known type. Write Nämnd or Bolag.`,
    "ram-previous-unclear": (p) =>
      `It cannot be seen whether the previous year's frame for ${p.year} already holds last year's temporary changes (${tkr(p.ending, "en")} tkr). The reconciliation assumes it does; choose otherwise in the Map step (or set previousRamHoldsTemporary in the mapping file) if it does not.`,
    "ram-mismatch": (p) =>
      `The frame of ${p.committee} for ${p.year} is ${tkr(p.written, "en")} tkr, but the previous year's frame ${tkr(p.previous, "en")} tkr${
        Number(p.ending) ? ` less the temporary changes that end, ${tkr(p.ending, "en")} tkr,` : ""
      } and the year's ${p.changes} changes give ${tkr(p.expected, "en")} tkr (difference ${tkr(p.difference, "en")} tkr). Correct the frame or the changes.`,
    "hidden-content": (p) =>
      p.what === "sheet"
        ? `The sheet is hidden but is read into the plan (${p.rows} ${p.rows === 1 ? "row" : "rows"}). Unhide it and check that its content belongs there, or remove it.`
        : `${p.rows} hidden ${p.rows === 1 ? "row" : "rows"} on the sheet ${p.rows === 1 ? "is" : "are"} read into the plan, the first here. Unhide them and check that they belong there, or remove them.`,
    "pasted-committee-unknown": (p) =>
      `"${p.name}" is named as the receiver of an assignment in the pasted text but is neither in a register of committees nor among the common committees. Check the name, or add a sheet with the plan's committees.`,
    "pasted-mostly-unread": (p) =>
      `Most of the pasted text was not understood: ${p.unread} of ${p.lines} lines are not read into the plan (see Not read). Check that the plan got everything, or map the sheet.`,
    "all-committees-no-register": (p) =>
      `"Samtliga nämnder" (all committees) stands on ${p.rows} ${p.rows === 1 ? "row" : "rows"}, the first here, but the plan has no register of its committees, so Måltavlan cannot tell which they are. Add a sheet with the plan's committees.`,
    "sheet-not-read": (p) =>
      `The sheet is not read (${p.cells} filled ${p.cells === 1 ? "cell" : "cells"}): ${
        p.why === "mapping"
          ? "the mapping says Do not read."
          : p.why === "veryHidden"
            ? "it is very hidden (visible only in the VBA editor)."
            : p.why === "investmentNoYear"
              ? "it looks like an investment budget but has no column per year (“Budget 2025”, “Plan 2026”), so its amounts belong to no year of the plan."
              : p.why === "investmentNoCommittee"
                ? "it looks like an investment budget but names no committee for its projects (a Committee column, the committee's name on a row above its projects or in the title)."
                : "Måltavlan does not recognise it as goals, assignments, frame adjustments, key figures or committees. Map the sheet if it belongs to the plan."
      }`,
    "text-too-long": (p) =>
      `The text has ${count(p.length, "en")} characters; Excel holds at most ${count(p.max, "en")} in a cell. Follow-up sheets show only its beginning. Shorten it.`,
    "followup-marker-missing": () =>
      `Måltavlan's marker in A1–A2 is missing or was changed. The sheet was read anyway; regenerate it before the next round.`,
    "followup-unknown-row": (p) => `The row's key (${p.key}) is not in the plan. Its answer is left out of the report.`,
    "followup-missing-row": (p) =>
      `The row for "${p.title}" is missing from the sheet (deleted?). Ask the committee to answer it.`,
    "followup-duplicate-row": (p) => `The key ${p.key} is on several rows. Only the first is used.`,
    "followup-locked-changed": (p) =>
      `Locked content was changed: the plan says "${p.expected}". The change does not affect the plan.`,
    "followup-row-inserted": (p) =>
      p.empty
        ? `An empty row was added by hand. It changes nothing, but rows must not be added: delete it.`
        : `The row was added by hand and has no key. It is left out; move the answer to its row.`,
    "followup-not-in-list": (p) => `"${p.value}" is not in the list (${p.allowed}). Pick a value from the list.`,
    "followup-comment-missing": (p) =>
      `A comment is missing: with status "${p.value}" the committee should explain why.`,
    "followup-amount-invalid": (p) => `"${p.value}" cannot be read as an amount in tkr. Write a number, e.g. 180.`,
    "followup-amount-sign": (p) =>
      `The ${p.kind === "outcome" ? "outcome" : "forecast"} ${tkr(p.value, "en")} tkr has the opposite sign of the ` +
      `amount ${tkr(p.amount, "en")} tkr, so the deviation comes out as ${tkr(p.deviation, "en")} tkr. Did the ` +
      `committee mean ${tkr(-Number(p.value), "en")}? Write it with the amount's sign: a decrease is negative.`,
    "followup-duplicate-return": (p) =>
      `Committee ${p.committee} returned several answers (${p.files}). The latest is used: ${p.used}.`,
    "followup-sheet-renamed": (p) => `The sheet was renamed (was "${p.expected}"). It was read through its marker.`,
    "followup-previous-none": (p) =>
      `The file of the previous period has no follow-up sheets for a period other than the one being created${p.found ? ` (its sheets are for ${p.found})` : ""}, so no earlier answers can be shown. Choose the plan or the returned files of the previous period.`,
    "followup-carried-near": (p) =>
      `This assignment resembles "${p.earlier}" from ${p.year}, which was not done and is carried on under "Pågående uppdrag från tidigare år". Is it the same assignment? Then give it exactly the same title in the plan, and it is shown once, here.`,
    "followup-carried-committee-gone": (p) =>
      `Committee ${p.committee} is not in the new plan, so its assignments that were not done are not carried on. Add the committee to the plan, or give the assignments to another committee. The assignments: ${p.titles}`,
    "followup-previous-other-plan": (p) =>
      `The follow-up sheets for ${p.period} in the file belong to another plan: none of their rows is in this plan, so no earlier answers can be shown. Choose the file of the previous period of this plan.`,
    "followup-history-unreadable": (p) =>
      `The row of Måltavlan's history cannot be read (${p.column}: "${p.value}"), so that answer is not in the history. The other rows were read. Måltavlan writes the history and it should not be edited by hand: give that period's report as --previous to get the answer back.`,
    "followup-no-sheet": (p) =>
      `The file has no follow-up sheet for ${p.period}${p.found ? ` (its sheets are for ${p.found})` : ""}, so nothing in it is in the report. Check that the committee sent the right file.`,
    "followup-text-too-long": (p) =>
      `The text has ${count(p.length, "en")} characters; Excel holds at most ${count(p.max, "en")} in a cell. The report and new follow-up sheets show its beginning; the whole text stays in this file. Shorten it.`,
    "followup-formula-uncomputed": () =>
      `The cell holds a formula but the file lacks its calculated value (it was saved by a program that does not calculate), so the answer cannot be read. Open the file in Excel and save it again, or type the value.`,
    "followup-committee-recoded": (p) =>
      `The sheet is for committee ${p.from}, which is no longer in the plan. It was read as ${p.to}, ${p.how === "name" ? "which has the same name" : "whose rows the sheet holds"}. Check that this is the right committee.`,
    "followup-committee-unknown": (p) =>
      p.tied
        ? `The sheet has lost its marker and name, and its rows fit several committees equally well (${p.tied}), so its ${p.rows} rows were left out. Name the sheet after its committee, e.g. "${String(p.tied).split(", ")[0]} …", and read it again.`
        : `The sheet belongs to no committee in the plan${p.committee ? ` (it is for ${p.committee})` : ""}, so its ${p.rows} rows were left out. Add the committee to the plan or check that this is the right file.`,
    "followup-answer-moved": (p) =>
      `"${p.title}" moved from committee ${p.from} to ${p.to} in the plan. The answer stays under Utgår ur planen on the sheet for ${p.from}${shownMoved(p) ? ` and is shown, locked, on the sheet for ${p.to}, which answers for itself` : `; ${p.to} answers for itself on its row`}.`,
    "ledger-amount-unparseable": (p) =>
      `"${p.value}" cannot be read as an amount in kronor. The row is not counted, and its committee gets no outcome until the amount is corrected in the export (e.g. -1 234,50).`,
    "ledger-amount-ambiguous": (p) =>
      `The amount "${p.value}" can be read two ways (negative or a note in parentheses, or a dot as thousands or decimal separator). The row is not counted, and its committee gets no outcome until the export writes it with a decimal comma and a minus sign.`,
    "ledger-rule-invalid": (p) =>
      `"${p.value}" is not a code, a range (1000-1999) or a prefix (1*). Correct the cell; the row is not used.`,
    "ledger-committee-unknown": (p) =>
      p.name === ""
        ? `The responsibility code ${p.code} has no committee. Write the committee's abbreviation or name; the row is not used.`
        : `The committee "${p.name}" (for responsibility code ${p.code}) is not in the plan. Write an abbreviation or a name of the plan's committees; the row is not used.`,
    "ledger-rule-collision": (p) =>
      `${p.rule} goes to another committee than ${p.earlier} in ${p.cell} (${p.committee}), but codes both cover can belong to only one: ${p.earlier} applies. Make one of them more precise.`,
    "followup-answer-replaced": (p) =>
      `The assignment "${p.title}" (${p.id}) is no longer in the plan, and the plan's ${p.to} builds on its ID: it was read as split or merged. The answer from ${p.from} stays under Utgår ur planen and is shown, locked, on ${p.to} (the sheets for ${p.committees}), which are answered for themselves. Check that this is the right assignment.`,
    "followup-ledger-differs": (p) =>
      `The committee typed the outcome ${tkr(p.typed, "en")} tkr; the ledger says ${tkr(p.ledger, "en")} tkr. The committee's figure is kept. Check which one holds and correct the sheet if needed.`,
    "followup-kolada-differs": (p) =>
      `The committee typed the outcome ${tkr(p.typed, "en")}; Kolada says ${tkr(p.kolada, "en")} for ${p.year}. The committee's figure is kept and Kolada's is shown beside it. Check which one holds and correct the sheet if needed.`,
    "followup-economy-implausible": (p) =>
      `The ${p.kind === "outcome" ? "outcome" : "forecast"} ${tkr(p.value, "en")} tkr deviates from the budget ${tkr(p.budget, "en")} tkr by ${tkr(p.deviation, "en")} tkr, more than half the budget. Was the amount written in kronor instead of tkr, or a cost written as negative? Costs are written positive, in tkr.`,
    "followup-economy-explanation-missing": (p) =>
      p.what === "measures"
        ? `Measures are missing: the deviation is ${tkr(p.deviation, "en")} tkr${p.percent === "" ? "" : ` (${tkr(p.percent, "en")} % of the budget)`}, a deficit. Write what the committee does to get back in balance.`
        : `Comment is missing: the deviation is ${tkr(p.deviation, "en")} tkr. Explain the deviation from the budget.`,
  },
};

/**
 * Whether a moved row's sheet shows the earlier answer: goals and uppdrag have a column for it; a ramjustering's row
 * (prognos, avvikelse, summa) and a nyckeltal's have none. Findings saved without the kind were about uppdrag.
 */
function shownMoved(p: FindingParams): boolean {
  return p.kind === undefined || p.kind === "goal" || p.kind === "assignment";
}

export function findingMessage(f: Finding, language: Language = "sv"): string {
  return MESSAGES[language][f.rule](f.params);
}

export const SEVERITY_LABELS: Record<Language, Record<Finding["severity"], string>> = {
  sv: { error: "FEL", warning: "VARNING", info: "INFO" },
  en: { error: "ERROR", warning: "WARNING", info: "INFO" },
};
