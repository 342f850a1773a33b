// SPDX-License-Identifier: GPL-3.0-or-later
// An independent embedded-banking peer for the integration tests: plain Node.js crypto with
// its defaults for RSA_PKCS1_OAEP_PADDING (SHA-1 OAEP digest and MGF1, no label), exactly as
// the Apiture EB "Event Handling and Data Processing" page shows. No npm packages.
//
//   node eb_peer.js decrypt <private.pem>   stdin: hex payload  -> stdout: the decrypted UTF-8 text
//   node eb_peer.js encrypt <public.pem>    stdin: UTF-8 text   -> stdout: hex ciphertext
'use strict';
const crypto = require('crypto');
const fs = require('fs');

const [mode, keyFile] = process.argv.slice(2);
if (!['decrypt', 'encrypt'].includes(mode) || !keyFile) {
  process.stderr.write('usage: node eb_peer.js decrypt|encrypt <key.pem> < input\n');
  process.exit(2);
}
const key = fs.readFileSync(keyFile, 'utf8');
const input = fs.readFileSync(0);

if (mode === 'decrypt') {
  const raw = Buffer.from(input.toString('utf8').trim(), 'hex');
  const plain = crypto.privateDecrypt({ key, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING }, raw);
  process.stdout.write(plain.toString('utf8'));
} else {
  const sealed = crypto.publicEncrypt({ key, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING }, input);
  process.stdout.write(sealed.toString('hex'));
}
