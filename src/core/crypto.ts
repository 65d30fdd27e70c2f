// Protection of personal data (ID numbers, phone numbers, ...) with the
// Chinese national algorithms, as node:crypto provides them: SM4 (GB/T 32907)
// for encryption and SM3 (GB/T 32905) for hashing.
//
// A data key is 32 bytes: the first 16 are the SM4 key, the last 16 the MAC
// key. Encrypted values are 'v1:' + base64(iv | ciphertext | mac), where iv
// is 16 random bytes, ciphertext is SM4-CBC with PKCS#7 padding and mac is the
// first 16 bytes of HMAC-SM3(macKey, 'v1:' | iv | ciphertext) (encrypt-then-MAC,
// so a changed byte is detected before anything is decrypted). Lookup hashes
// are HMAC-SM3(macKey, value trimmed and upper-cased), so equal values can be
// found without decrypting and without an unkeyed hash anyone could
// brute-force. The two uses of macKey cannot be confused: a lookup input is
// upper-cased, so it never begins with the lower-case 'v' of the MAC input,
// and a lookup hash can never serve as a token's MAC.

import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from './errors.ts';

const KEY_BYTES = 32;
const IV_BYTES = 16;
const MAC_BYTES = 16;
const BLOCK_BYTES = 16;
const VERSION_PREFIX = 'v1:';

export interface DataProtector {
  /** 'v1:' + base64(iv | ciphertext | mac); a fresh random IV every time. */
  encrypt(plain: string): string;
  /** The plain text, or AppError 500 DATA_DECRYPT_FAILED when the token is damaged, altered or from another key. */
  decrypt(token: string): string;
  /** Hex HMAC-SM3 of the value trimmed and upper-cased, for equality lookups. */
  lookupHash(value: string): string;
}

function invalidKey(): AppError {
  return new AppError(500, 'DATA_KEY_INVALID', '数据密钥格式不正确: 需要 32 字节 (64 位十六进制)');
}

function decryptFailed(): AppError {
  return new AppError(500, 'DATA_DECRYPT_FAILED', '数据解密失败');
}

/** SM3 digest, hex. */
export function sm3(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

export function generateDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** A data key from 64 hex characters or the base64 of 32 bytes; AppError 500 DATA_KEY_INVALID otherwise. */
export function parseDataKey(hexOrBase64: string): Buffer {
  const text = typeof hexOrBase64 === 'string' ? hexOrBase64.trim() : '';
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(text)) {
    const key = Buffer.from(text, 'base64');
    if (key.length === KEY_BYTES) return key;
  }
  throw invalidKey();
}

export function createDataProtector(key: Buffer): DataProtector {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) throw invalidKey();
  const encKey = Buffer.from(key.subarray(0, 16));
  const macKey = Buffer.from(key.subarray(16, 32));

  const macOf = (ivAndCiphertext: Buffer): Buffer =>
    createHmac('sm3', macKey).update(VERSION_PREFIX).update(ivAndCiphertext).digest().subarray(0, MAC_BYTES);

  return {
    encrypt(plain: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('sm4-cbc', encKey, iv);
      const ivAndCiphertext = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]);
      return VERSION_PREFIX + Buffer.concat([ivAndCiphertext, macOf(ivAndCiphertext)]).toString('base64');
    },

    decrypt(token: string): string {
      if (typeof token !== 'string' || !token.startsWith(VERSION_PREFIX)) throw decryptFailed();
      const body = token.slice(VERSION_PREFIX.length);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) throw decryptFailed();
      const bytes = Buffer.from(body, 'base64');
      const ciphertextBytes = bytes.length - IV_BYTES - MAC_BYTES;
      if (ciphertextBytes < BLOCK_BYTES || ciphertextBytes % BLOCK_BYTES !== 0) throw decryptFailed();

      const ivAndCiphertext = bytes.subarray(0, bytes.length - MAC_BYTES);
      const mac = bytes.subarray(bytes.length - MAC_BYTES);
      if (!timingSafeEqual(mac, macOf(ivAndCiphertext))) throw decryptFailed();

      try {
        const decipher = createDecipheriv('sm4-cbc', encKey, ivAndCiphertext.subarray(0, IV_BYTES));
        const plain = Buffer.concat([decipher.update(ivAndCiphertext.subarray(IV_BYTES)), decipher.final()]);
        return plain.toString('utf8');
      } catch {
        throw decryptFailed();
      }
    },

    lookupHash(value: string): string {
      return createHmac('sm3', macKey).update(value.trim().toUpperCase(), 'utf8').digest('hex');
    },
  };
}
