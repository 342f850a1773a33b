#!/usr/bin/env node
// Independent RSA-OAEP peer for AeroDesk's interop tests: Node's own crypto, no npm packages.
//   node oaep-peer.js encrypt <public.pem> <plaintext-hex> [sha1|sha256|default]  -> ciphertext hex
//   node oaep-peer.js decrypt <private.pem> <ciphertext-hex> [sha1|sha256|default] -> plaintext hex
// "default" calls crypto.publicEncrypt/privateDecrypt with only { key, padding }, exactly as the
// embedded-banking documentation does, so Node's own defaults are what is tested.
'use strict';
const crypto = require('crypto');
const fs = require('fs');

const [mode, keyFile, dataHex, hash = 'default'] = process.argv.slice(2);
if (!['encrypt', 'decrypt'].includes(mode) || !keyFile || dataHex === undefined) {
  process.stderr.write('usage: oaep-peer.js encrypt|decrypt <key.pem> <hex> [sha1|sha256|default]\n');
  process.exit(2);
}
const options = { key: fs.readFileSync(keyFile), padding: crypto.constants.RSA_PKCS1_OAEP_PADDING };
if (hash !== 'default') options.oaepHash = hash;
const data = Buffer.from(dataHex, 'hex');
const out = mode === 'encrypt' ? crypto.publicEncrypt(options, data) : crypto.privateDecrypt(options, data);
process.stdout.write(out.toString('hex'));
