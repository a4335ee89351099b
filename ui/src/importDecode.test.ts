import { describe, expect, it } from 'vitest';
import { decodeBytes } from './importDecode';

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const u8 = new TextEncoder().encode('مرحبا');
    expect(decodeBytes(u8)).toEqual({ text: 'مرحبا', encoding: 'UTF-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...u8]))).toEqual({ text: 'مرحبا', encoding: 'UTF-8' });
  });
  it('reads UTF-16 with a BOM', () => {
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x27, 0x06, 0x44, 0x06]))).toEqual({ text: 'ال', encoding: 'UTF-16LE' });
    expect(decodeBytes(new Uint8Array([0xfe, 0xff, 0x06, 0x27, 0x06, 0x44]))).toEqual({ text: 'ال', encoding: 'UTF-16BE' });
  });
  it('falls back to Windows-1256 when the bytes are not UTF-8', () => {
    // "السلام" in Windows-1256.
    expect(decodeBytes(new Uint8Array([0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3]))).toEqual({ text: 'السلام', encoding: 'Windows-1256' });
  });
});
