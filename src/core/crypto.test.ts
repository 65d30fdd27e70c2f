import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDataProtector, generateDataKey, parseDataKey, sm3 } from './crypto.ts';
import { AppError } from './errors.ts';

const KEY_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const key = Buffer.from(KEY_HEX, 'hex');

function expectAppError(run: () => unknown, status: number, code: string) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(status);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }
  throw new Error(`expected AppError ${code}`);
}

describe('the national algorithms in node:crypto', () => {
  it('SM3 gives the GB/T 32905 example digests', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
    expect(sm3(Buffer.from('abc'))).toBe(sm3('abc'));
  });

  it('SM4 gives the GB/T 32907 example ciphertext', () => {
    const keyAndPlain = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = createCipheriv('sm4-ecb', keyAndPlain, null).setAutoPadding(false);
    const ciphertext = Buffer.concat([cipher.update(keyAndPlain), cipher.final()]);
    expect(ciphertext.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
    const decipher = createDecipheriv('sm4-ecb', keyAndPlain, null).setAutoPadding(false);
    expect(Buffer.concat([decipher.update(ciphertext), decipher.final()])).toEqual(keyAndPlain);
  });
});

describe('data keys', () => {
  it('generates 32 random bytes', () => {
    const a = generateDataKey();
    expect(a).toHaveLength(32);
    expect(a.equals(generateDataKey())).toBe(false);
  });

  it('reads 64 hex characters (either case) or base64 of 32 bytes', () => {
    expect(parseDataKey(KEY_HEX)).toEqual(key);
    expect(parseDataKey(` ${KEY_HEX.toUpperCase()}\n`)).toEqual(key);
    expect(parseDataKey(key.toString('base64'))).toEqual(key);
  });

  it('reads 64 characters that are all hex digits as hex', () => {
    expect(parseDataKey('A'.repeat(64))).toEqual(Buffer.alloc(32, 0xaa));
  });

  it.each([
    ['', 'empty'],
    [KEY_HEX.slice(2), '31 bytes of hex'],
    [KEY_HEX + '00', '33 bytes of hex'],
    [KEY_HEX.replace('0a', 'zz'), 'not hex'],
    [key.subarray(0, 16).toString('base64'), 'base64 of 16 bytes'],
    [Buffer.alloc(48, 0xff).toString('base64'), 'base64 of 48 bytes'],
    ['not a key at all', 'text'],
  ])('refuses %j (%s) with a clear message', (text) => {
    const error = expectAppError(() => parseDataKey(text), 500, 'DATA_KEY_INVALID');
    expect(error.message).toBe('数据密钥格式不正确: 需要 32 字节 (64 位十六进制)');
  });

  it('createDataProtector refuses a key of the wrong length', () => {
    expectAppError(() => createDataProtector(Buffer.alloc(16)), 500, 'DATA_KEY_INVALID');
    expectAppError(() => createDataProtector(KEY_HEX as unknown as Buffer), 500, 'DATA_KEY_INVALID');
  });
});

describe('createDataProtector: encrypt and decrypt', () => {
  const protector = createDataProtector(key);

  it('round-trips ID numbers, phone numbers, Chinese text and the empty string', () => {
    for (const plain of ['330902199001011234', '13812345678', '张三 浙江省舟山市定海区', '', 'x'.repeat(1000)]) {
      expect(protector.decrypt(protector.encrypt(plain))).toBe(plain);
    }
  });

  it("writes 'v1:' + base64 of iv (16) | ciphertext (whole blocks) | mac (16)", () => {
    const token = protector.encrypt('330902199001011234'); // 18 bytes → 2 blocks after padding
    expect(token).toMatch(/^v1:[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(token.slice(3), 'base64')).toHaveLength(16 + 32 + 16);
    expect(Buffer.from(protector.encrypt('').slice(3), 'base64')).toHaveLength(16 + 16 + 16);
    expect(Buffer.from(protector.encrypt('0123456789abcdef').slice(3), 'base64')).toHaveLength(16 + 32 + 16);
  });

  it('is SM4-CBC under the first 16 key bytes, with an SM3 MAC under the last 16', () => {
    const bytes = Buffer.from(protector.encrypt('330902199001011234').slice(3), 'base64');
    const iv = bytes.subarray(0, 16);
    const ciphertext = bytes.subarray(16, bytes.length - 16);
    const decipher = createDecipheriv('sm4-cbc', key.subarray(0, 16), iv);
    expect(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString()).toBe('330902199001011234');
    const mac = createHmac('sm3', key.subarray(16)).update('v1:').update(bytes.subarray(0, bytes.length - 16)).digest();
    expect(bytes.subarray(bytes.length - 16)).toEqual(mac.subarray(0, 16));
  });

  it('uses a fresh IV each time, so equal values do not give equal tokens', () => {
    const tokens = new Set(Array.from({ length: 20 }, () => protector.encrypt('13812345678')));
    expect(tokens.size).toBe(20);
  });

  it('refuses a token with any byte changed', () => {
    const token = protector.encrypt('330902199001011234');
    const bytes = Buffer.from(token.slice(3), 'base64');
    for (let i = 0; i < bytes.length; i++) {
      const tampered = Buffer.from(bytes);
      tampered[i] ^= 0x01;
      expectAppError(() => protector.decrypt('v1:' + tampered.toString('base64')), 500, 'DATA_DECRYPT_FAILED');
    }
  });

  it('refuses a token encrypted under another key', () => {
    const other = createDataProtector(generateDataKey());
    const error = expectAppError(() => protector.decrypt(other.encrypt('13812345678')), 500, 'DATA_DECRYPT_FAILED');
    expect(error.message).toBe('数据解密失败');
  });

  it('refuses a token whose MAC key matches but encryption key does not', () => {
    const sameMacKey = Buffer.concat([Buffer.alloc(16, 0xaa), key.subarray(16)]);
    const token = createDataProtector(sameMacKey).encrypt('13812345678');
    // The MAC verifies, so the decryption itself must fail or give other text, never the plain value.
    try {
      expect(protector.decrypt(token)).not.toBe('13812345678');
    } catch (error) {
      expect((error as AppError).code).toBe('DATA_DECRYPT_FAILED');
    }
  });

  it('refuses damaged, shortened and foreign tokens', () => {
    const token = protector.encrypt('13812345678');
    const bytes = Buffer.from(token.slice(3), 'base64');
    for (const bad of [
      '',
      '13812345678',
      token.slice(3), // no version
      'v2:' + token.slice(3), // unknown version
      token.slice(0, -4), // truncated
      'v1:' + bytes.subarray(0, bytes.length - 1).toString('base64'), // one byte short
      'v1:' + Buffer.concat([bytes, Buffer.alloc(16)]).toString('base64'), // a block too many
      'v1:' + bytes.subarray(0, 32).toString('base64'), // iv and mac, no ciphertext
      'v1:!!!not base64!!!',
      'v1:',
    ]) {
      expectAppError(() => protector.decrypt(bad), 500, 'DATA_DECRYPT_FAILED');
    }
    expectAppError(() => protector.decrypt(undefined as unknown as string), 500, 'DATA_DECRYPT_FAILED');
  });
});

describe('createDataProtector: lookupHash', () => {
  const protector = createDataProtector(key);

  it('is HMAC-SM3 under the MAC key over the trimmed, upper-cased value', () => {
    const expected = createHmac('sm3', key.subarray(16)).update('11010519491231002X').digest('hex');
    expect(protector.lookupHash('11010519491231002X')).toBe(expected);
    expect(protector.lookupHash(' 11010519491231002x ')).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stable for a key and differs between values and keys', () => {
    expect(protector.lookupHash('13812345678')).toBe(createDataProtector(key).lookupHash('13812345678'));
    expect(protector.lookupHash('13812345678')).not.toBe(protector.lookupHash('13812345679'));
    expect(protector.lookupHash('13812345678')).not.toBe(createDataProtector(generateDataKey()).lookupHash('13812345678'));
  });

  it('is not the plain SM3 of the value', () => {
    expect(protector.lookupHash('abc')).not.toBe(sm3('ABC'));
  });
});
