#!/usr/bin/env bash
# fuzz/make-pem-seeds.sh OUTDIR — the PemKey target's private-key seeds, made fresh with the
# openssl CLI (no private key is committed to the repository): PKCS#1, PKCS#8, PKCS#8 encrypted
# with its passphrase and with a wrong one (the target's input is "PEM\n--\npassphrase"), and
# a truncated key. Used by scripts/fuzz.sh and by the FuzzReplay.PemKey ctest.
set -euo pipefail
out="${1:?usage: fuzz/make-pem-seeds.sh OUTDIR}"
mkdir -p "$out"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$scratch/key.pem" 2>/dev/null
cp "$scratch/key.pem" "$out/pkcs8.pem"
openssl pkey -in "$scratch/key.pem" -traditional -out "$out/pkcs1.pem" 2>/dev/null ||
  openssl rsa -in "$scratch/key.pem" -traditional -out "$out/pkcs1.pem" 2>/dev/null
openssl pkcs8 -topk8 -v2 aes-256-cbc -in "$scratch/key.pem" -passout pass:correct-horse \
  -out "$scratch/encrypted.pem"
{ cat "$scratch/encrypted.pem"; printf '\n--\ncorrect-horse'; } >"$out/encrypted-pkcs8.pem"
{ cat "$scratch/encrypted.pem"; printf '\n--\nwrong'; } >"$out/encrypted-wrong-pass.pem"
head -c 300 "$scratch/key.pem" >"$out/truncated.pem"
chmod 600 "$out"/*.pem
