// An independent AES-256-GCM peer for tests/interop/AeadInteropTest.cpp (Node's crypto), in
// crypto::Aead's sealed format: 0x01 | 12-byte nonce | ciphertext | 16-byte tag.
//   node gcm-peer.js seal <key hex> <plaintext hex> <aad hex>  -> sealed hex
//   node gcm-peer.js open <key hex> <sealed hex> <aad hex>     -> plaintext hex (exit 2: refused)
'use strict';
const crypto = require('crypto');
const [mode, keyHex, dataHex, aadHex] = process.argv.slice(2);
const key = Buffer.from(keyHex, 'hex');
const data = Buffer.from(dataHex || '', 'hex');
const aad = Buffer.from(aadHex || '', 'hex');
if (mode === 'seal') {
  const nonce = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(aad);
  const body = Buffer.concat([c.update(data), c.final()]);
  process.stdout.write(Buffer.concat([Buffer.from([1]), nonce, body, c.getAuthTag()]).toString('hex'));
} else if (mode === 'open') {
  if (data.length < 29 || data[0] !== 1) { process.stderr.write('malformed'); process.exit(2); }
  const d = crypto.createDecipheriv('aes-256-gcm', key, data.subarray(1, 13));
  d.setAAD(aad);
  d.setAuthTag(data.subarray(data.length - 16));
  try {
    const out = Buffer.concat([d.update(data.subarray(13, data.length - 16)), d.final()]);
    process.stdout.write(out.toString('hex'));
  } catch (e) {
    process.stderr.write('refused');
    process.exit(2);
  }
} else {
  process.stderr.write('usage: gcm-peer.js seal|open key data aad');
  process.exit(1);
}
