/**
 * The pane's workers: the core's message protocol (request id → promise, errors as messages, out-of-order answers,
 * a worker that fails as a whole) and the files worker reading returned workbooks without Node.
 */
import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { committeeWorkbooks } from "../../src/domain/followup/committeeWorkbooks";
import { prepareFollowUp } from "../../src/domain/jobs";
import { readPlanWithSettings } from "../../src/domain/planRead";
import { type PaneCore, followUpOutlineRows } from "../../src/taskpane/followUpOutline";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { type CoreRequest, type CoreResponse, handleCoreRequest } from "../../src/taskpane/core.worker";
import { handleFilesRequest } from "../../src/taskpane/files.worker";
import { type CoreEndpoint, coreOverEndpoint } from "../../src/taskpane/coreClient";
import { EXAMPLES, sheetProtectionTags } from "../support/workbooks";
import { PANE_STRINGS } from "../../src/i18n/pane";
import { errorMessage } from "../../src/taskpane/useTask";
import { WorkerFailure } from "../../src/taskpane/workerFailure";
import { LEDGER_SETTINGS } from "./fakes";

const OSTERSUND = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");

/** A worker stand-in: messages cross by structured clone, and answers come back on a later task, as in a browser. */
function fakeWorker(delays: number[] = []): { endpoint: CoreEndpoint; posted: CoreRequest[] } {
  const posted: CoreRequest[] = [];
  const endpoint: CoreEndpoint = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      const request = structuredClone(message);
      posted.push(request);
      const delay = delays[posted.length - 1] ?? 0;
      void handleCoreRequest(request).then((response) =>
        setTimeout(
          () => endpoint.onmessage?.({ data: structuredClone(response) } as MessageEvent<CoreResponse>),
          delay,
        ),
      );
    },
  };
  return { endpoint, posted };
}

describe("the core worker's protocol", () => {
  test("readPlan through the worker gives what the core gives in-thread", async () => {
    const { grids } = await readWorkbookFile(OSTERSUND);
    const { endpoint, posted } = fakeWorker();
    const core = coreOverEndpoint(() => endpoint);
    const read = await core.readPlan(grids);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ id: 1, step: "readPlan" });
    expect(read).toEqual(readPlanWithSettings(grids));
  });

  test("the follow-up's outline is computed in the worker: only the rows per nämnd come back, not the sheets", async () => {
    const { grids } = await readWorkbookFile(OSTERSUND);
    const { endpoint } = fakeWorker();
    const core = coreOverEndpoint(() => endpoint);
    const read = await core.readPlan(grids);
    const request = {
      period: { name: "T1", kind: "forecast" as const },
      year: 2024,
      due: null,
      planName: "plan",
      generatedAt: "2024-04-01T00:00:00.000Z",
      intoPlanWorkbook: true,
    };
    const rows = await core.outlineFollowUp(grids, read, request);
    expect(rows).toEqual(followUpOutlineRows(prepareFollowUp(grids, read, request)));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]).toEqual({
      code: "KS",
      name: "Kommunstyrelsen",
      sheet: "KS T1 2024",
      update: false,
      counts: expect.objectContaining({ assignment: expect.any(Number) }),
      answers: 0,
    });
  });

  test("answers are matched by id, whatever order they come back in", async () => {
    const { grids } = await readWorkbookFile(OSTERSUND);
    const { endpoint } = fakeWorker([30, 0]);
    const core = coreOverEndpoint(() => endpoint);
    const mapping = { sheets: { Uppdrag: { kind: "ignore" as const } } };
    const [first, second] = await Promise.all([core.readPlan(grids), core.readPlan(grids, mapping)]);
    expect(first.plan.assignments.length).toBeGreaterThan(0);
    expect(second.plan.assignments).toEqual([]);
  });

  test("the handler never throws: a failing step comes back as its message", async () => {
    const response = await handleCoreRequest({ id: 7, step: "readPlan", args: [null as never] });
    expect(response).toMatchObject({ id: 7, ok: false });
    expect((response as { message: string }).message).toEqual(expect.any(String));
    const { endpoint } = fakeWorker();
    await expect(coreOverEndpoint(() => endpoint).readPlan(null as never)).rejects.toThrow(Error);
  });

  test("a worker that fails as a whole fails every waiting call, saying so, and the next call starts a new one", async () => {
    let started = 0;
    const silent: CoreEndpoint = { onmessage: null, onerror: null, postMessage: () => undefined };
    const core = coreOverEndpoint(() => {
      started++;
      return silent;
    });
    const waiting = core.readPlan([]);
    silent.onerror?.({ message: "Script error" } as ErrorEvent);
    const failure = await waiting.then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toEqual(new WorkerFailure("coreNotRunning", "Script error"));
    expect(await errorMessage(failure, PANE_STRINGS.sv)).toMatch(
      /^Något gick fel: Måltavlans beräkningsdel kunde inte köras \(Script error\)\. Försök igen/,
    );
    void core.readPlan([]);
    expect(started).toBe(2);
  });
});

describe("the files worker", () => {
  test("reads a returned workbook's bytes into the same grids as the CLI's reader", async () => {
    const bytes = await fs.readFile(OSTERSUND);
    const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const response = await handleFilesRequest({
      id: 3,
      kind: "read",
      files: [{ name: "KS-T1-2024.xlsx", data, lastModified: 0 }],
    });
    expect(response.id).toBe(3);
    if (response.kind !== "read") throw new Error(JSON.stringify(response));
    expect(response.problems).toEqual([]);
    expect(response.workbooks[0].file).toBe("KS-T1-2024.xlsx");
    expect(response.workbooks[0].grids).toEqual((await readWorkbookFile(OSTERSUND)).grids);
  });

  test("a file that is no workbook becomes a problem saying why, and the others are still read", async () => {
    const text = new TextEncoder().encode("Nämnd;Uppdrag\nKS;x\n").buffer as ArrayBuffer;
    const empty = new ArrayBuffer(0);
    const bytes = await fs.readFile(OSTERSUND);
    const cut = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 2000) as ArrayBuffer;
    const response = await handleFilesRequest({
      id: 1,
      kind: "read",
      files: [
        { name: "svar.csv", data: text, lastModified: null },
        { name: "tom.xlsx", data: empty, lastModified: null },
        { name: "avklippt.xlsx", data: cut, lastModified: null },
      ],
    });
    if (response.kind !== "read") throw new Error(JSON.stringify(response));
    expect(response.workbooks).toEqual([]);
    expect(response.problems).toEqual([
      { file: "svar.csv", problem: { code: "notWorkbook", file: "svar.csv", hint: "text" } },
      { file: "tom.xlsx", problem: { code: "notWorkbook", file: "tom.xlsx", hint: "empty" } },
      { file: "avklippt.xlsx", problem: { code: "corrupt", file: "avklippt.xlsx" } },
    ]);
  });
});

describe("the files worker's export", () => {
  test("one workbook per nämnd and the .zip of them, every protected sheet with the one hash of the set's password", async () => {
    const { grids } = await readWorkbookFile(OSTERSUND);
    const followUp = prepareFollowUp(grids, readPlanWithSettings(grids), {
      period: { name: "T1", kind: "forecast" },
      year: 2024,
      due: null,
      planName: "plan",
      password: "Hemligt-7391",
      generatedAt: "2024-04-01T00:00:00.000Z",
      intoPlanWorkbook: false, // the export's files, as the pane asks for them
    });
    const workbooks = committeeWorkbooks(followUp, "T1", 2024);
    const response = await handleFilesRequest({ id: 4, kind: "write", workbooks, zipName: "T1-2024.zip" });
    if (response.kind !== "write") throw new Error(JSON.stringify(response));
    expect(response.files.map((f) => f.fileName)).toEqual(workbooks.map((w) => w.fileName));
    expect(Object.keys((await JSZip.loadAsync(response.zip.data)).files).sort()).toEqual(
      workbooks.map((w) => w.fileName).sort(),
    );
    const hashes = new Set<string>();
    for (const { data } of response.files)
      for (const tag of await sheetProtectionTags(data))
        if (tag.hashValue) hashes.add(`${tag.saltValue} ${tag.hashValue}`);
    // Each file's follow-up sheet is protected; the whole set shares one salt and hash (hashed once, not per file).
    expect(workbooks.length).toBeGreaterThan(1);
    expect(hashes.size).toBe(1);
  });
});

describe("the ledger export in the pane's workers", () => {
  // "Äldreomsorg" and an en dash as a Windows financial system writes them: Windows-1252, ; between fields.
  const csvBytes = () =>
    Uint8Array.from(
      [
        ..."Ansvar;Ansvarsnamn;Belopp\r\n1100;Kommunledning;1 250 000,50\r\n2100;\u00c4ldreomsorg \u2013 hem;-300\r\n",
      ].map((ch) => (ch === "\u2013" ? 0x96 : ch.charCodeAt(0))),
    ).buffer;

  test("a CSV's bytes go through the files worker to grids, and through the core to sums per nämnd", async () => {
    const read = structuredClone(
      await handleFilesRequest({ id: 7, kind: "ledger", name: "utfall.csv", data: csvBytes() }),
    );
    if (read.kind !== "ledger" || !read.read.ok) throw new Error(JSON.stringify(read));
    expect(read.id).toBe(7);
    expect(read.read.encoding).toBe("windows-1252");
    expect(read.read.grids).toEqual([
      {
        sheet: "utfall.csv",
        top: 0,
        left: 0,
        values: [
          ["Ansvar", "Ansvarsnamn", "Belopp"],
          ["1100", "Kommunledning", "1 250 000,50"],
          ["2100", "Äldreomsorg – hem", "-300"],
          [""],
        ],
      },
    ]);
    const committees = [
      { code: "KS", name: "Kommunstyrelsen", kind: "committee" as const },
      { code: "SAN", name: null, kind: "committee" as const },
    ];
    const summed = structuredClone(
      await handleCoreRequest({ id: 8, step: "importLedger", args: [read.read.grids, [LEDGER_SETTINGS], committees] }),
    );
    if (!summed.ok) throw new Error(summed.message);
    const { result } = summed.value as Awaited<ReturnType<PaneCore["importLedger"]>>;
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.outcomes).toEqual(
      new Map([
        ["KS", 125_000_050],
        ["SAN", -30_000],
      ]),
    );
  });

  test("an export that is a broken workbook becomes its problem, not a failure of the worker", async () => {
    const broken = new TextEncoder().encode("PK\u0003\u0004 cut off").buffer;
    const response = await handleFilesRequest({ id: 9, kind: "ledger", name: "utfall.xlsx", data: broken });
    expect(response).toEqual({
      id: 9,
      kind: "ledger",
      read: { ok: false, file: "utfall.xlsx", problem: { code: "corrupt", file: "utfall.xlsx" } },
    });
  });
});

describe("the pane's bundle", () => {
  test("the file reader the pane bundles has no Node imports (fs, Buffer)", async () => {
    const source = await fs.readFile(path.join(__dirname, "../../src/hosts/xlsx/readBytes.ts"), "utf8");
    expect(source).not.toMatch(/from "(node:)?fs|Buffer\./);
  });
});
