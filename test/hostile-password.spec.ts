/**
 * The sheet protection password (issue #6): given through a file or the environment, never on the command line; the
 * generated sheets are protected with it, but the password itself is never stored in the workbook nor printed.
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { EXAMPLES, type SheetProtectionTag, cli, sheetProtectionTags, tempDir } from "./support/workbooks";

const PLAN = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");
const PASSWORD = "Hemligt-Lösen-7391";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("password");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every part of the .xlsx (zip), as text, by name. */
async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const texts = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) texts.set(name, await entry.async("string"));
  }
  return texts;
}

async function generateWith(source: "file" | "env", out: string) {
  const passwordFile = path.join(dir, "losen.txt");
  await fs.writeFile(passwordFile, `${PASSWORD}\n`);
  const args = ["generate", PLAN, "--period", "T1", "--year", "2024", "--split", out];
  if (source === "file") return cli(...args, "--password-file", passwordFile);
  process.env.MALTAVLAN_PASSWORD = PASSWORD;
  try {
    return await cli(...args);
  } finally {
    delete process.env.MALTAVLAN_PASSWORD;
  }
}

/**
 * What Excel computes to unprotect a sheet (ISO/IEC 29500-1, §18.2.28 with the agile algorithm): SHA-512 of the salt
 * and the password in UTF-16LE, then `spinCount` times SHA-512 of the last hash and the round's number (uint32 LE).
 */
function excelHash(password: string, salt: Buffer, spinCount: number): string {
  let hash = createHash("sha512").update(salt).update(Buffer.from(password, "utf16le")).digest();
  const round = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i++) {
    round.writeUInt32LE(i);
    hash = createHash("sha512").update(hash).update(round).digest();
  }
  return hash.toString("base64");
}

test.each(["file", "env"] as const)(
  "password from the %s: every sheet protected with a hash, the password in no part of any file nor in the output",
  async (source) => {
    const out = path.join(dir, source);
    const result = await generateWith(source, out);
    expect(result.code).toBe(0);
    expect(`${result.out}\n${result.err}`).not.toContain(PASSWORD);
    const files = await fs.readdir(out);
    expect(files.length).toBeGreaterThan(1);
    const hashes = new Set<string>();
    for (const file of files) {
      const texts = await parts(path.join(out, file));
      for (const [name, text] of texts)
        expect({ name, hasPassword: text.includes(PASSWORD) }).toEqual({ name, hasPassword: false });
      // The follow-up sheet is protected with a salted hash of the password (what Excel asks for to unprotect).
      const protections = await sheetProtectionTags(await fs.readFile(path.join(out, file)));
      expect(protections.length).toBeGreaterThan(0);
      for (const tag of protections) {
        expect(tag).toMatchObject({ hashValue: expect.stringMatching(/./), saltValue: expect.stringMatching(/./) });
        hashes.add(JSON.stringify(tag));
      }
    }
    // The set is protected with one hash of the password (made once for the run), and it is the one Excel checks.
    expect(hashes.size).toBe(1);
    const {
      algorithmName,
      saltValue: salt,
      hashValue: hash,
      spinCount,
    } = JSON.parse([...hashes][0]) as SheetProtectionTag;
    expect(algorithmName).toBe("SHA-512");
    expect(excelHash(PASSWORD, Buffer.from(salt!, "base64"), Number(spinCount))).toBe(hash);
    expect(excelHash(`${PASSWORD}x`, Buffer.from(salt!, "base64"), Number(spinCount))).not.toBe(hash);
  },
);

test("--password on the command line is refused before anything is written", async () => {
  const out = path.join(dir, "refused");
  const result = await cli(
    "generate",
    PLAN,
    "--period",
    "T1",
    "--year",
    "2024",
    "--split",
    out,
    "--password",
    PASSWORD,
  );
  expect(result.code).toBe(2);
  expect(result.err).toMatch(/Lösenord tas aldrig på kommandoraden/);
  expect(result.err).not.toContain(PASSWORD);
  await expect(fs.stat(out)).rejects.toThrow();
});
