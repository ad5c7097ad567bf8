/**
 * SHA-256 with WebCrypto, which digests whole buffers only: each chunk gets its own hash, and the file's
 * hash (the "root") is the SHA-256 of the chunk hashes one after another, so nobody holds the whole file.
 */

/** @param {BufferSource} data @return {Promise<ArrayBuffer>} */
export function sha256(data) {
  return crypto.subtle.digest('SHA-256', data);
}

export function toHex(bytes) {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function sameBytes(a, b) {
  const x = new Uint8Array(a.buffer ?? a, a.byteOffset ?? 0, a.byteLength);
  const y = new Uint8Array(b.buffer ?? b, b.byteOffset ?? 0, b.byteLength);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * The chunk hashes of one file, in order, and the root over them. Holds 32 bytes per chunk (512 KiB
 * for a 1 GiB file in 64 KiB chunks).
 */
export class RootHash {
  #hashes = [];

  /** Records the hash of chunk `index`; chunks come in order, and a resumed transfer may repeat some. */
  set(index, hash) {
    this.#hashes.length = index;
    this.#hashes.push(new Uint8Array(hash.slice ? hash.slice(0) : hash));
  }

  get count() {
    return this.#hashes.length;
  }

  /** @return {Promise<string>} hex SHA-256 over the chunk hashes */
  async digest() {
    const all = new Uint8Array(this.#hashes.length * 32);
    this.#hashes.forEach((hash, i) => all.set(hash, i * 32));
    return toHex(await sha256(all));
  }
}
