/**
 * The few things the extension needs from its platform, written so that they run the same in
 * the desktop extension host (Node) and in the web worker extension host (vscode.dev,
 * github.dev): Web Crypto, atob/btoa and TextEncoder are globals in both; no Node built-ins,
 * no `process`, no `Buffer`.
 */

/** A fresh random nonce for a webview's Content Security Policy: 16 random bytes, base64. */
export function randomNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return bytesToBase64(bytes);
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Decodes base64 (already validated by the caller) to bytes. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
