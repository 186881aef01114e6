/** The part of pako (zlib in JavaScript, the inflater JSZip and so ExcelJS use) that the package reader needs. */
declare module "pako/lib/inflate" {
  export class Inflate {
    constructor(options: { raw: boolean; chunkSize?: number });
    /** Called with each piece of output as it is inflated; a throw here stops the inflating. */
    onData: (chunk: Uint8Array) => void;
    /** `last`: the final piece of input. False when the data is not valid deflate. */
    push(data: Uint8Array, last: boolean): boolean;
    /** Nonzero after an error. */
    err: number;
    /** True once the end of the deflate stream was reached. */
    ended: boolean;
  }
}
