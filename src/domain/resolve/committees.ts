import { CellRef } from "../../sheet/grid";
import { CommitteeDirectory, splitList } from "../committees";
import { Committee, CommitteeKind } from "../model";
import { RawRow, RowList } from "../raw";
import { nearest, normalizeName } from "../text";
import { ALL_COMMITTEES } from "../vocabulary";
import { RowReader } from "./context";

/** A nämnd cell as read: the codes it names, and the names that matched none. */
export interface CommitteeCell {
  readonly codes: readonly string[];
  readonly unknown: readonly string[];
  /** The cell says "Samtliga nämnder". */
  readonly everyCommittee: boolean;
}

const NO_COMMITTEES: CommitteeCell = { codes: [], unknown: [], everyCommittee: false };

/** The plan's nämnder: its register, and the nämnd cells of every other row looked up in it. */
export class CommitteeReader extends RowReader {
  /** Cells naming every nämnd ("Samtliga nämnder") in a plan without a register of them. */
  private readonly everyCommitteeCells: CellRef[] = [];
  directory = new CommitteeDirectory([]);
  /** Nämnd cells already resolved, by their text. */
  private readonly committeeCells = new Map<string, CommitteeCell>();

  /** Reads the register of nämnder, which every other row's nämnd cells are then looked up in. */
  readRegister(rows: RowList): void {
    this.directory = new CommitteeDirectory(this.register(rows));
  }

  private register(rows: RowList): Committee[] {
    const register: Committee[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < rows.length; i++) {
      const row = this.rowAt(rows, i);
      // A register of names only (no abbreviation column, or a row without one): the name is the nämnd's key. An
      // abbreviation is never invented.
      const code = this.text(row, "id") || this.text(row, "name");
      if (!code) {
        this.missing(row, "id");
        continue;
      }
      if (seen.has(normalizeName(code))) {
        this.report("error", "duplicate-id", this.at(row, "id"), { id: code });
        continue;
      }
      seen.add(normalizeName(code));
      register.push({ code, name: this.text(row, "name") || null, kind: this.committeeKind(row) });
    }
    return register;
  }

  private committeeKind(row: RawRow): CommitteeKind {
    const text = normalizeName(this.text(row, "kind"));
    if (!text || /^nämnd|^styrelse|^committee/.test(text)) return "committee";
    if (/^bolag|^company|\bab$/.test(text)) return "company";
    this.report("error", "committee-kind-invalid", this.at(row, "kind"), { value: this.text(row, "kind") });
    return "committee";
  }

  /**
   * Codes of the nämnder a cell names, and the names that matched none (each reported at the cell). The same text
   * ("KS", "TN, VoN") fills thousands of cells, so each distinct text is split and looked up once; what it gives is
   * shared by those cells and must not be changed.
   */
  cell(row: RawRow): CommitteeCell {
    const text = this.written(row, "committee");
    if (!text) return NO_COMMITTEES;
    let resolved = this.committeeCells.get(text);
    if (!resolved) {
      const codes: string[] = [];
      const unknown: string[] = [];
      let everyCommittee = false;
      const whole = ALL_COMMITTEES.test(text.trim()) ? [text] : splitList(text, this.directory.knownNames());
      for (const part of whole) {
        // "Samtliga nämnder" is every nämnd of the register; without one the plan does not say which they are, which
        // is one finding for the plan (run), not an unknown nämnd on every line.
        if (ALL_COMMITTEES.test(part.trim())) {
          everyCommittee = true;
          for (const { code, kind } of this.directory.hasRegister ? this.directory.all() : [])
            if (kind === "committee" && !codes.includes(code)) codes.push(code);
          continue;
        }
        const committee = this.directory.lookup(part);
        if (!committee) unknown.push(part);
        else if (!codes.includes(committee.code)) codes.push(committee.code);
      }
      resolved = { codes, unknown, everyCommittee };
      this.committeeCells.set(text, resolved);
    }
    if (resolved.everyCommittee && !this.directory.hasRegister)
      this.everyCommitteeCells.push(this.at(row, "committee"));
    for (const name of resolved.unknown) {
      const suggestion = nearest(name, this.directory.knownNames()) ?? "";
      this.report("error", "unknown-committee", this.at(row, "committee"), { name, suggestion });
    }
    return resolved;
  }

  /** "Samtliga nämnder" where the plan has no register: one warning for the plan, at the first such cell. */
  reportEveryCommitteeWithoutRegister(): void {
    const [first] = this.everyCommitteeCells;
    if (first) this.report("warning", "all-committees-no-register", first, { rows: this.everyCommitteeCells.length });
  }
}
