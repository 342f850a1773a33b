#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/store/StoreError.h"
#include "core/team/RotationPlan.h"
#include "core/util/Result.h"

namespace aerodesk::store {

class Store;

/// The lead's steps of a team key rotation on an open store (docs/team.md "Key rotation"),
/// each in one write transaction that re-reads the plan (another console may have moved it):
///   propose: Steady/Finished(N) → Distributing(N→N+1); the new key's check value and id, and
///            the current key's id, go into store_meta. Nothing is re-encrypted yet.
///   start:   Distributing → ReEncrypting: from now on writes are sealed under N+1.
///   abort:   Distributing → Steady(N); epoch N+1's check value is dropped.
/// ReEncryptor (RotationWorker) does the rest.
class KeyRotation
{
public:
    /// `newKey` must be 32 bytes and not a key of this store. The store must hold the current
    /// epoch's key (it was opened with it). Afterwards `store` also holds `newKey`.
    static Result<team::RotationPlan, StoreError> propose(Store &store,
                                                          const crypto::SecureBytes &newKey);
    static Result<team::RotationPlan, StoreError> start(Store &store);
    static Result<team::RotationPlan, StoreError> abort(Store &store);
    /// The plan as committed now (re-read).
    static Result<team::RotationPlan, StoreError> status(Store &store);
};

} // namespace aerodesk::store
