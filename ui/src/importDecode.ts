// Decode a chosen file's bytes in the browser the way the core decodes files it reads from disk:
// UTF-8 (BOM or not), UTF-16 with a BOM, else Arabic Windows-1256 when the bytes are not valid UTF-8.
// The API takes text, so this is where a legacy file's Arabic is kept. Pure: no DOM.

export type Decoded = { text: string; encoding: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1256' };

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' };
  try {
    // The BOM, if any, is dropped (the core drops it too).
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1256').decode(bytes), encoding: 'Windows-1256' };
  }
}
