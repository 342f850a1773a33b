// An independent implementation of AeroDesk's team-key exports (docs/team.md, "Enrolment")
// on Node's crypto: scrypt, X25519, HKDF-SHA256 and AES-256-GCM, written from the document,
// not from our C++. Used by TeamNodeInteropTest.
//   node team-peer.js unwrap-passphrase <export file> <passphrase hex>   -> key hex
//   node team-peer.js unwrap-x25519 <export file> <private hex>          -> key hex
//   node team-peer.js wrap-passphrase <key hex> <passphrase hex> <N> <r> <p> <team> -> export
//   node team-peer.js wrap-x25519 <key hex> <enrolment key file> <team>  -> export
//   node team-peer.js key-id <key hex>                                   -> tk1-...
'use strict';
const crypto = require('crypto');
const fs = require('fs');

const b64url = (buf) => buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromB64url = (s) => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');

function dearmour(text, label) {
  const begin = `-----BEGIN AERODESK ${label}-----`;
  const end = `-----END AERODESK ${label}-----`;
  const s = text.indexOf(begin);
  const e = text.indexOf(end);
  if (s < 0 || e < 0) throw new Error('no armour');
  return JSON.parse(Buffer.from(text.slice(s + begin.length, e).replace(/\s+/g, ''), 'base64').toString('utf8'));
}

function armour(obj, label) {
  const b64 = Buffer.from(JSON.stringify(obj), 'utf8').toString('base64');
  const lines = b64.match(/.{1,64}/g).join('\n');
  return `-----BEGIN AERODESK ${label}-----\n${lines}\n-----END AERODESK ${label}-----\n`;
}

function keyId(key) {
  const id = Buffer.from(crypto.hkdfSync('sha256', key, Buffer.from('aerodesk team'), Buffer.from('aerodesk team key id v1'), 16));
  return 'tk1-' + id.toString('hex');
}

function enrolmentKeyId(pub) {
  const d = crypto.createHash('sha256').update(Buffer.concat([Buffer.from('aerodesk enrolment key id v1'), pub])).digest();
  return 'ek1-' + d.subarray(0, 16).toString('hex');
}

// sealed = 0x01 | nonce(12) | ciphertext | tag(16), AAD = header bytes
function open(wrapKey, sealed, aad) {
  if (sealed[0] !== 1) throw new Error('sealed version');
  const nonce = sealed.subarray(1, 13);
  const tag = sealed.subarray(sealed.length - 16);
  const ct = sealed.subarray(13, sealed.length - 16);
  const d = crypto.createDecipheriv('aes-256-gcm', wrapKey, nonce);
  d.setAAD(aad);
  d.setAuthTag(tag);
  return Buffer.concat([d.update(ct), d.final()]);
}

function seal(wrapKey, plaintext, aad) {
  const nonce = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', wrapKey, nonce);
  c.setAAD(aad);
  const ct = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([Buffer.from([1]), nonce, ct, c.getAuthTag()]);
}

function readExport(file) {
  const outer = dearmour(fs.readFileSync(file, 'utf8'), 'TEAM KEY');
  if (outer.format !== 'aerodesk-team-key' || outer.version !== 1) throw new Error('format');
  const headerBytes = Buffer.from(outer.header, 'base64');
  return { header: JSON.parse(headerBytes.toString('utf8')), headerBytes, sealed: Buffer.from(outer.sealed, 'base64') };
}

function finish(header, headerObj, key) {
  if (keyId(key) !== headerObj.keyId) throw new Error('key id mismatch');
  process.stdout.write(key.toString('hex'));
}

function writeExport(headerObj, wrapKey, key) {
  const headerBytes = Buffer.from(JSON.stringify(headerObj), 'utf8');
  const sealed = seal(wrapKey, key, headerBytes);
  process.stdout.write(armour({ format: 'aerodesk-team-key', version: 1,
    header: headerBytes.toString('base64'), sealed: sealed.toString('base64') }, 'TEAM KEY'));
}

function x25519Wrap(shared, ephPub, recipientPub) {
  return Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.concat([ephPub, recipientPub]),
    Buffer.from('aerodesk team key x25519 wrap v1'), 32));
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'key-id') {
  process.stdout.write(keyId(Buffer.from(args[0], 'hex')));
} else if (mode === 'unwrap-passphrase') {
  const { header, headerBytes, sealed } = readExport(args[0]);
  if (header.kind !== 'passphrase' || header.kdf.name !== 'scrypt') throw new Error('kind');
  const k = header.kdf;
  const wrapKey = crypto.scryptSync(Buffer.from(args[1], 'hex'), Buffer.from(k.salt, 'base64'), 32,
    { N: k.N, r: k.r, p: k.p, maxmem: k.maxmem });
  finish(null, header, open(wrapKey, sealed, headerBytes));
} else if (mode === 'unwrap-x25519') {
  const { header, headerBytes, sealed } = readExport(args[0]);
  if (header.kind !== 'x25519') throw new Error('kind');
  const priv = Buffer.from(args[1], 'hex');
  const privateKey = crypto.createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: b64url(priv),
    x: b64url(Buffer.from(args[2], 'hex')) }, format: 'jwk' });
  const ownPub = fromB64url(crypto.createPublicKey(privateKey).export({ format: 'jwk' }).x);
  if (enrolmentKeyId(ownPub) !== header.wrap.recipientKeyId) throw new Error('recipient');
  const ephPub = Buffer.from(header.wrap.ephemeralPublicKey, 'base64');
  const publicKey = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: b64url(ephPub) }, format: 'jwk' });
  const shared = crypto.diffieHellman({ privateKey, publicKey });
  finish(null, header, open(x25519Wrap(shared, ephPub, ownPub), sealed, headerBytes));
} else if (mode === 'wrap-passphrase') {
  const key = Buffer.from(args[0], 'hex');
  const [N, r, p] = [Number(args[2]), Number(args[3]), Number(args[4])];
  const maxmem = Math.ceil((128 * r * (N + 2) + 128 * r * p + (1 << 20)) / (1 << 20)) * (1 << 20);
  const salt = crypto.randomBytes(16);
  const header = { version: 1, kind: 'passphrase', team: args[5], keyId: keyId(key),
    createdBy: 'node peer', createdAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    kdf: { name: 'scrypt', N, r, p, maxmem, salt: salt.toString('base64') } };
  writeExport(header, crypto.scryptSync(Buffer.from(args[1], 'hex'), salt, 32, { N, r, p, maxmem }), key);
} else if (mode === 'wrap-x25519') {
  const key = Buffer.from(args[0], 'hex');
  const agent = dearmour(fs.readFileSync(args[1], 'utf8'), 'ENROLMENT KEY');
  if (agent.format !== 'aerodesk-enrolment-key' || agent.algorithm !== 'X25519') throw new Error('agent key');
  const agentPub = Buffer.from(agent.publicKey, 'base64');
  const eph = crypto.generateKeyPairSync('x25519');
  const ephPub = fromB64url(eph.publicKey.export({ format: 'jwk' }).x);
  const shared = crypto.diffieHellman({ privateKey: eph.privateKey,
    publicKey: crypto.createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: b64url(agentPub) }, format: 'jwk' }) });
  const header = { version: 1, kind: 'x25519', team: args[2], keyId: keyId(key),
    createdBy: 'node peer', createdAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    wrap: { name: 'x25519-hkdf-sha256-aes-256-gcm', ephemeralPublicKey: ephPub.toString('base64'),
      recipientKeyId: enrolmentKeyId(agentPub) } };
  writeExport(header, x25519Wrap(shared, ephPub, agentPub), key);
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
