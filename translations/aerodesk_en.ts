<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ConsoleOptions</name>
    <message>
        <source>AeroDesk: support console for Aerosync bank links and embedded banking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Developer: write a PNG of the main window to &lt;file&gt; and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Developer: open on panel &lt;id&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Developer: run the sandbox tour and write every panel as PNG into &lt;dir&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this installation without opening a window: keychain, Qt and OpenSSL, the bundled sandbox, and one walkthrough (token, link, balance job, payload decrypt and retUrl answer). Exit code 0 only if every step passes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every text in the pseudo-locale (accented and about 40 % longer), to find text that is not translatable or gets cut off. Same as AERODESK_PSEUDO_LOCALE=1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Try &apos;aerodesk --help&apos;.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;.
Try &apos;aerodesk --help&apos;.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>type to replace; never shown again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>(unreadable: edited outside AeroDesk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 — %3 (%4, %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correlation id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Widget event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactions job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 → %3 (%4 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pageSuccess: linked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>widgetError: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>widget event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 — verified (HTTP %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 — NOT verified: %3 (HTTP %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 poll %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waits for MFA (until %2 UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::BuiltInSandboxWiring</name>
    <message>
        <source>Built-in sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped (exit code %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · certificate pinned (%2…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · credentials not saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ConsoleWiring</name>
    <message>
        <source>%1 · certificate pinned (%2…)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ProcessHardening</name>
    <message>
        <source>Core dumps could not be turned off (%1): if AeroDesk crashes, the system may write its memory, secrets included, to disk, and other processes of this user may attach to it. Ask your administrator why the system refuses.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::api::Environment</name>
    <message>
        <source>The base URL &quot;%1&quot; is not an absolute https:// URL such as https://sandbox.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; does not use https://. AeroDesk sends the apiKey, apiSecret and tokens only over TLS, so %2:// is refused for every host.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::api::HttpTransport</name>
    <message>
        <source>Refused to send a request to %1: it is not an https:// address, and AeroDesk talks to Aerosync only over TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from %1 did not come over a TLS connection with the pinned certificate, so it was refused.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::audit::AuditOutcomes</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::audit::AuditVerifier</name>
    <message>
        <source>Record %1 is missing: the log goes from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 was edited: its sealed fields do not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 was reordered: it holds the record written as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 was edited: its content does not match its hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 does not follow record %2: the chain is broken there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain holds no head for this audit log: %n record(s) check out, but records cut off the end cannot be ruled out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log was truncated: it ends at record %1 but the keychain head says %2 records were written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 is not the record the keychain head remembers: the log was rewritten from there or before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log is intact: %n record(s), every hash and link checks out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::bundle::BundleRedactor</name>
    <message>
        <source>Provider-facing (keeps the ids the provider asks for)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked (every identifier masked)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::bundle::ZipBundleWriter</name>
    <message>
        <source>The ZIP could not be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: entry %2 is truncated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::connections::LinkRecorder</name>
    <message>
        <source>The widget reported success without a connectionId; nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new connection could not be saved in the store, so nothing else was started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new connection could still not be saved in the store: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::embedded::EmbeddedWorkflow</name>
    <message>
        <source>This event is no longer pending: it was answered, discarded, or its user logged out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event is already being answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already connected: answering OK replaces their stored userCode with this event&apos;s. Confirm to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: userCode stored, provider answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new connect could not store its userCode (%1); the old one is no longer valid. Connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the userCode could not be stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has never connected here, so there is no userCode to send: OK cannot be sent. Send a status instead, or have the user connect first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no valid userCode (%2): OK cannot be sent. Send a status instead; the user must connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No userCode is stored for %1 (it was removed): OK cannot be sent. Send a status instead; the user must connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s public key is not usable (%1): the reply cannot be encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply could not be built: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silently authenticated (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s stored userCode was sent encrypted to the provider, which answered %2: silent authentication succeeded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status %1 was sent; the provider recorded the failed attempt (%2 %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider answered %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer did not reach the provider: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider answered %1 %2: the userCode is no longer valid and was removed. The user must connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider says %1&apos;s userCode is no longer valid (%2 %3). AeroDesk removed the stored code; the user must connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged out: userCode and pending events removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1&apos;s userCode and pending events. In production the logout web component on the partner&apos;s logout page clears the browser side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox logged %1 out, and AeroDesk removed their userCode and pending events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox&apos;s logout failed (%1); AeroDesk still removed %2&apos;s userCode and pending events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No userCode is stored for this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the partner-user list could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK cannot be sent: %1. Send a status instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partner-user list is still being read from %1; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The userCode is stored in %3 for %1 and the provider answered %2: the user is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The userCode could not be stored in %4 (%1), so OK was not sent: DATA_STORE_UNAVAILABLE was sent instead and the provider recorded the failed connect (%2 %3). Fix %4, then have the user connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The userCode could not be stored in %3 (%1), so OK was not sent. Sending DATA_STORE_UNAVAILABLE failed too: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The userCode of %1 could not be read from %3 (%2): OK cannot be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing it from %2 failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The userCode could not be removed from %2: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::embedded::EmulatorEventSource</name>
    <message>
        <source>The sandbox could not log the user out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox could not disconnect the user: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox could not set its idle timeout: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox&apos;s embedded-banking state has no user list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::embedded::HexInput</name>
    <message>
        <source>a leading 0x</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line break(s)</source>
        <translation>
            <numerusform>%n line break</numerusform>
            <numerusform>%n line breaks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n space(s) or tab(s)</source>
        <translation>
            <numerusform>%n space or tab</numerusform>
            <numerusform>%n spaces or tabs</numerusform>
        </translation>
    </message>
    <message>
        <source>Normalised the pasted text: removed %1 before decrypting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (line %1, column %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payload is not hex: %1 at %2 is not a hex digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payload is longer than %1 hex digits; an event is one RSA block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no payload to decrypt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payload is not hex: it has an odd number of digits (%1); a digit is missing or one too many was pasted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::embedded::PartnerUser</name>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid — must connect again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the partner user the event belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A partner user id has no spaces at its start or end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A partner user id is at most 128 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A partner user id has no control characters and no &apos;/&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::embedded::PartnerUserDirectory</name>
    <message>
        <source>The partner-user list was not read, so it is not written either.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::embedded::ReplyStatus</name>
    <message>
        <source>User not authenticated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partner could not authenticate or authorise the current user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User session expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user&apos;s session with the partner application has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data store unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partner&apos;s data store (here: the keychain) could not be reached to store or read the user&apos;s userCode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose or type a status to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK is not an error status: it can only be sent when the reply was built.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A status is at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A status uses only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; (for example PARTNER_MAINTENANCE).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::embedded::RetUrlAllowList</name>
    <message>
        <source>&quot;%1&quot; is not an http(s) origin such as https://host.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retUrl points to %1, and this environment allows no retUrl host yet: add the provider&apos;s origin in Settings → Embedded banking. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retUrl points to %1, which is not on this environment&apos;s retUrl allow-list (%2). Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::embedded::TeamPartnerUserStore</name>
    <message>
        <source>The team store failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team store</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::embedded::UserCodeStore</name>
    <message>
        <source>the keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::emulatorhost::BuiltInEnvironment</name>
    <message>
        <source>The built-in sandbox could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sandbox&apos;s credentials could not be saved in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::keychain::KeychainLabel</name>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook secret (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook secret (previous)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedded-banking partner private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedded-banking provider public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedded-banking partner users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store data key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>self-test probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AeroDesk — %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit log chain head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>userCode of partner user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team store password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team data key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team enrolment private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team data key %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::store::KeyEpochs</name>
    <message>
        <source>The team key was rotated while this console was open, so this change was not saved. Reopen the team store (Settings → Store → Apply) and make the change again; if it still cannot be saved, ask your team lead for the new team key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::store::KeyRotation</name>
    <message>
        <source>This store&apos;s schema has no key epochs yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A team key has 32 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a console holding the current team key can start a rotation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That key already opens this store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::store::RotationWorker</name>
    <message>
        <source>No team key to re-encrypt with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No re-encryption is under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another console is re-encrypting the store (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encryption was stopped; it resumes where it left off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::store::SqlFailure</name>
    <message>
        <source>The disk holding the store is full: nothing was saved (%1). Free some space on it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is read-only (its file or its disk cannot be written): nothing was saved (%1). Make it writable, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store query failed (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team store&apos;s database server cannot be reached: nothing was saved (%1). Check the network, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::store::Store</name>
    <message>
        <source>The team key is being rotated and this console holds only the old key: it can read the store but not change it. Ask your team lead for an export of the new key (%1) and import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This team store expects team key %1; this console holds %2. Nothing was read or changed: import the team&apos;s current key (aerodesk-cli team import) or choose the team that owns this store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::store::StoreFiles</name>
    <message>
        <source>The store at %1 is read-only (%2): AeroDesk could not keep anything in it, so it was not opened and nothing was changed. Make its disk and folder writable, then start AeroDesk again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::store::StoreHealth</name>
    <message>
        <source>Team store unreachable since %1 — showing what was loaded, read-only; retrying. Nothing was saved and nothing is queued: try again when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team store unreachable since %1 — showing what was loaded, read-only; retrying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team store reachable again — reconnecting and catching up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::store::StoreOpener</name>
    <message>
        <source>The team store %1 names no usable team (%2): choose the team whose key opens it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console holds no key of team &quot;%1&quot; for the team store %2: ask your lead for an export (aerodesk-cli team import). Nothing was read or written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the team key of &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::team::Armour</name>
    <message>
        <source>an agent&apos;s enrolment public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a team-key export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another AeroDesk block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an AeroDesk team-key text (no &quot;-----BEGIN AERODESK&quot; line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is %1, not what was expected here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AeroDesk block is cut short (no END line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AeroDesk block&apos;s base64 is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::team::EnrolmentKeyPair</name>
    <message>
        <source>X25519 %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrolment key in the keychain is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team key could not be unwrapped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::team::EnrolmentPublicKey</name>
    <message>
        <source>The enrolment key&apos;s JSON is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an AeroDesk enrolment key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This enrolment key is of version %1; this AeroDesk reads version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrolment key is not a 32-byte X25519 key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrolment key&apos;s id does not match its key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::team::ExportHeader</name>
    <message>
        <source>The export&apos;s header has a bad &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it does not match the export&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &quot;passphrase&quot; or &quot;x25519&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a team key id (tk1-...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an ISO 8601 time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scrypt with whole N (a power of two), r, p and maxmem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the salt must be at least %1 bytes of base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key wrapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ephemeral key must be 32 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no recipient enrolment key id (ek1-...).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::team::RotationPlan</name>
    <message>
        <source>A rotation is already under way (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rotation needs a new team key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a rotation whose re-encryption has not started can be abandoned; this one can only be finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encryption starts after the new key is proposed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No re-encryption is under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch cannot rewrite a negative number of rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown rotation phase &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rotation state has no valid current epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rotation&apos;s target must be the next epoch with another key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rotation&apos;s progress is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rotation&apos;s lease has no valid expiry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::team::Scrypt</name>
    <message>
        <source>scrypt needs a salt and an output length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenSSL has no scrypt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scrypt failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::team::ScryptParams</name>
    <message>
        <source>scrypt N must be between 2^%1 and 2^%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scrypt r must be between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scrypt p must be between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scrypt maxmem is below what N and r need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scrypt would need more than %1 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::team::TeamKeyExport</name>
    <message>
        <source>The team-key export is damaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its JSON does not parse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This AeroDesk block is not a team-key export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This team-key export is of version %1; this AeroDesk reads version %2. Update AeroDesk, or ask for a version %2 export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its header is missing or not base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its sealed key is missing or not base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its header&apos;s JSON does not parse.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::team::TeamKeyImporter</name>
    <message>
        <source>This export is wrapped for an enrolment key, and this console has none for team &quot;%1&quot; (create one in Settings → Team key, or run `aerodesk-cli team enrol-key`).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::team::TeamKeyInventory</name>
    <message>
        <source>This console already holds team key %1 for team &quot;%2&quot;: nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::team::TeamKeyWrapper</name>
    <message>
        <source>No team key to wrap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad team name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export opened, but its key is not the team key its header names: it was not made by AeroDesk. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export is protected by a passphrase, not by an enrolment key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export is wrapped for an agent&apos;s enrolment key, not protected by a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team key could not be unwrapped: wrong passphrase or key, or the export was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export needs a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent&apos;s enrolment key is not usable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export needs its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export was made for enrolment key %1, not this console&apos;s %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::team::TeamKeychain</name>
    <message>
        <source>The keychain failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a team name is 1 to 100 characters, without surrounding spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a team name has no control character and no &apos;/&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain has no %1 for team &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team key of &quot;%1&quot; in the keychain is not 32 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain already holds team &quot;%1&quot;&apos;s key %2, not %3. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enrolment key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console already has an enrolment key for team &quot;%1&quot;; nothing was changed (use --replace to make a new one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain entry of team key %1 holds another key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::AboutDialog</name>
    <message>
        <source>About AeroDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;AeroDesk %1&lt;/h2&gt;&lt;p&gt;Support console for Aerosync bank links and embedded banking.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Versions&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy versions to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AeroDesk %1
Qt %2 (built with %3)
%4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::AuditPanel</name>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object or reason contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object or reason contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the object filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only records between two times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the shown records as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted store is not open yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log opens with the encrypted store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(does not open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) shown</source>
        <translation>
            <numerusform>%n record shown</numerusform>
            <numerusform>%n records shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not intact: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>audit log, %n record(s) to %1</source>
        <translation>
            <numerusform>audit log, %n record to %1</numerusform>
            <numerusform>audit log, %n records to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n record(s) to %1.</source>
        <translation>
            <numerusform>Exported %n record to %1.</numerusform>
            <numerusform>Exported %n records to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::BulkRefreshBar</name>
    <message>
        <source>Refresh of many connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections refreshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send no more requests; the rows already refreshed stay refreshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the refresh result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment is still starting (waiting for its credentials and client).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local store is not open yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a refresh is already under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: no more requests are sent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Refreshing %L1 of %Ln connection(s)…</source>
        <translation>
            <numerusform>Refreshing %L1 of %Ln connection…</numerusform>
            <numerusform>Refreshing %L1 of %Ln connections…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshed %L1 of %Ln connection(s)</source>
        <translation>
            <numerusform>Refreshed %L1 of %Ln connection</numerusform>
            <numerusform>Refreshed %L1 of %Ln connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln failed (see the Status column&apos;s warning icon)</source>
        <translation>
            <numerusform>, %Ln failed (see the Status column&apos;s warning icon)</numerusform>
            <numerusform>, %Ln failed (see the Status column&apos;s warning icon)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — cancelled, %Ln not refreshed</source>
        <translation>
            <numerusform> — cancelled, %Ln not refreshed</numerusform>
            <numerusform> — cancelled, %Ln not refreshed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::BundlePreviewDialog</name>
    <message>
        <source>Escalation bundle — partner user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation bundle — connection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save escalation bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These files go into the ZIP exactly as shown. Secrets (tokens, keys, userCodes, webhook secrets) are never included; choose whether identifiers are masked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files in the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content of the selected file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the escalation bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) will go into the bundle.</source>
        <translation>
            <numerusform>%n file will go into the bundle.</numerusform>
            <numerusform>%n files will go into the bundle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::ConnectionActions</name>
    <message>
        <source>Refresh details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the account again (GET /accounts): bank, status, expiry, account summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a balance job on this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a transactions job (the last 90 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an identity job on this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew this connection through the widget (the same connection, never a new link)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance unavailable: this account says canFetchBalance is false (it was linked manually with routing and account numbers, so the bank cannot be asked for a balance; AC-105). Relink it through a bank login to fetch balances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — unavailable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment is still starting (waiting for its credentials and client).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment could not be set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local store is not open yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select a connection in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a refresh of this connection is under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 job is already starting on this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 job is already running on this connection (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was refreshed but could not be saved in the store: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refreshed: %2, %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started a %1 job on %2; its outcome goes into the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop tracking %1? It and its history are removed from the local store. The connection itself stays at Aerosync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm removing the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 removed from the local store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another agent changed this connection at %1 — your change was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection changed by another agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now in the store (version %1): %2 — %3, status %4, user %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload: take the other agent&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply my change again on top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply my change again on top of the current version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reloaded: showing the other agent&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: your change was applied on top of the other agent&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop tracking this connection: remove it and its history from the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop tracking %1 for the whole team? It and its history are removed from the team store, and from every console showing it. The connection itself stays at Aerosync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 removed from the team store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::ConnectionHistoryView</name>
    <message>
        <source>Connection history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 job: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — available %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> — %n transaction(s)</source>
        <translation>
            <numerusform> — %n transaction</numerusform>
            <numerusform> — %n transactions</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No history recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), oldest first</source>
        <translation>
            <numerusform>%n event, oldest first</numerusform>
            <numerusform>%n events, oldest first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::ConnectionIdDialog</name>
    <message>
        <source>Add a connection by id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a connectionId from a ticket or a partner&apos;s backend: 32 hex digits or a dashed UUID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection id to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 0f3c… (32 hex digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the id was not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel adding a connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::ConnectionImporter</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the sandbox listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track every connection of the sandbox (GET /sandbox/connections, pages of 5,000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a file (CSV or JSON)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track the connection ids listed in a CSV, JSON or text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a connection id…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track one connection by its id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local store is not open yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment is still starting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a sandbox has a listing of its connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an import from the listing is under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing from the sandbox listing: %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sandbox listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing from the sandbox listing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import connection ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection ids (*.csv *.json *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (and %n more)</source>
        <translation>
            <numerusform> (and %n more)</numerusform>
            <numerusform> (and %n more)</numerusform>
        </translation>
    </message>
    <message>
        <source>the pasted id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported from %1: %2 new, %3 updated, %4 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Cancelled before the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection ids from %1: %2 new, %3 updated, %4 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is not open yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::ConnectionLinker</name>
    <message>
        <source>the environment is still starting (waiting for its credentials and client).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment could not be set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local store is not open yet, so a new connection could not be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a widget is already being opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was linked but is not stored yet: see the warning above the table and use Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 linked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The widget was closed before the link was completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The widget could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The widget ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::ConnectionTableModel</name>
    <message>
        <source>not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expiry unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days left unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>expired %n day(s) ago</source>
        <translation>
            <numerusform>expired %n day ago</numerusform>
            <numerusform>expired %n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message>
        <source>Hidden — use Reveal ids to show it in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AeroPass user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry date (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last refresh: ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last refresh failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::ConnectionTimelineView</name>
    <message>
        <source>Connection timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show steps of kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy step</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) shown</source>
        <translation>
            <numerusform>%n step shown</numerusform>
            <numerusform>%n steps shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Correlation id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::ConnectionsPanel</name>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns; click to sort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by bank, status, band or id — a full id finds its row (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry band filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All expiry bands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry timeline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the next %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the expiry day filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal the connection&apos;s ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account summary and the connection&apos;s history show when the panel is connected to the console&apos;s session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the balance cannot be fetched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History (oldest first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring on %1 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections loaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n connection(s)</source>
        <translation>
            <numerusform>Showing %1 of %n connection</numerusform>
            <numerusform>Showing %1 of %n connections</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a connection to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a connection to see its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AeroPass user: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last refresh: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account summary: not read yet — use Refresh details (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institution: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>can be fetched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be fetched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local store is not open yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is not in the local store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading connections from the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import connections: from the sandbox listing, a file or a pasted id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import — unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local store is not open yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 job on %2: %3 — %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Loading %L1 connection(s)…</source>
        <translation>
            <numerusform>Loading %L1 connection…</numerusform>
            <numerusform>Loading %L1 connections…</numerusform>
        </translation>
    </message>
    <message>
        <source>The connections could not be loaded from the store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local store could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew this connection through the widget before (or after) it expires — the same connection, never a new link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting a widget token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the widget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link a bank…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link a new bank connection through the Aerosync widget (a fresh widget token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link a bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read every tracked connection again (GET /accounts, a few at a time): bank, status and expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the selected connections again (GET /accounts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections yet: what to do first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections are tracked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with one of these:
• Import the sandbox&apos;s connections — every connection the built-in sandbox knows, with its bank and expiry.
• Link a bank — run the Aerosync widget and track the new connection.
• Run a walkthrough — a guided tour of the test banks, step by step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the sandbox&apos;s connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a walkthrough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Walkthroughs panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link a bank — unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection is tracked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh all — unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select one or more connections in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh selected — unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect (expired)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect before it expires…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect is unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the full ids of connection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation bundle for this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview and save a redacted ZIP of this connection&apos;s state, history, webhook evidence and log excerpt for an escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline (API calls, jobs, widget, webhooks, staff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a connection to see its timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timeline shows once the local store is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team store status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::DiagnosticsMenu</name>
    <message>
        <source>Open &amp;diagnostic log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens AeroDesk&apos;s diagnostic log, the file to send to support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies versions, the kind of environment and the recent log (nothing secret) to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no diagnostic log yet. AeroDesk writes it to %1 as soon as it has something to record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desktop has no program to open the diagnostic log. The file is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostic log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::EnvironmentBanner</name>
    <message>
        <source>Active environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUSTOM SANDBOX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PRODUCTION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are working on PRODUCTION: actions affect real customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are working on a sandbox: no real bank data.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::ExpiryBandStyle</name>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≤ 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≤ 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires within 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires within 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires in more than 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::ExpiryNotifier</name>
    <message>
        <source>AeroDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) expire within 7 days</source>
        <translation>
            <numerusform>%n connection expire within 7 days</numerusform>
            <numerusform>%n connections expire within 7 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tracked connection(s) expire within 7 days. Filter the Connections panel by &quot;≤ 7 days&quot; to see them.</source>
        <translation>
            <numerusform>%n tracked connection expire within 7 days. Filter the Connections panel by &quot;≤ 7 days&quot; to see them.</numerusform>
            <numerusform>%n tracked connections expire within 7 days. Filter the Connections panel by &quot;≤ 7 days&quot; to see them.</numerusform>
        </translation>
    </message>
    <message>
        <source>A connection expires within 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) entered the 7-day band. Filter the Connections panel by &quot;≤ 7 days&quot; to see them.</source>
        <translation>
            <numerusform>%n connection entered the 7-day band. Filter the Connections panel by &quot;≤ 7 days&quot; to see them.</numerusform>
            <numerusform>%n connections entered the 7-day band. Filter the Connections panel by &quot;≤ 7 days&quot; to see them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew the connection of this notice through the widget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect the expiring connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 expires in %3 day(s). Reconnect it before it expires (Reconnect…).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::ExpiryTimeline</name>
    <message>
        <source>Expiry timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring per day, next %1 days — %2 in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n connection(s)</source>
        <translation>
            <numerusform>%1: %n connection</numerusform>
            <numerusform>%1: %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n connection(s) expire</source>
        <translation>
            <numerusform>%1: %n connection expire</numerusform>
            <numerusform>%1: %n connections expire</numerusform>
        </translation>
    </message>
    <message>
        <source>Connections expiring per day over the next %1 days: %2 in total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busiest day %1 with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Current bar %1: %n connection(s).</source>
        <translation>
            <numerusform>Current bar %1: %n connection.</numerusform>
            <numerusform>Current bar %1: %n connections.</numerusform>
        </translation>
    </message>
    <message>
        <source>Table filtered to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No day selected; press Enter to filter the table by the current day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::JobProgressDelegate</name>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::JobsModel</name>
    <message>
        <source>Not watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment changed; this job is no longer watched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start it again in the new environment if it is still needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the bank&apos;s MFA step: relaunch the widget from the prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Next step: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initiated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for MFA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::JobsPanel</name>
    <message>
        <source>&lt;h2&gt;Jobs&lt;/h2&gt;Balance, transactions and identity jobs: progress, attempts, and what to do next when one does not complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the environment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs panel status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a running job to cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This job has ended (%1); there is nothing to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop watching this job (the bank&apos;s job is not stopped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the connection ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a tracked connection or type a connectionId</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a bank name or of the masked id to search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect the selected job&apos;s connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs yet. First track or link a connection in the Connections panel (import the sandbox&apos;s connections, or Link a bank); then pick it here and start a job. A connectionId can also be typed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs yet. Pick a tracked connection above, choose the job type and click Start job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1 is reconnected: start the job again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reconnect did not complete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a connectionId, or track or link a connection in the Connections panel first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a connection first (or type a connectionId).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank needs the user again: open the reconnect widget on this same connection (never a fresh link).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered when a job&apos;s error means the connection needs the user again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::KeyRotationBox</name>
    <message>
        <source>Key rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key rotation status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encryption progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the team key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begin a team key rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the next key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the next team key for an agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start re-encryption…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move new writes to the next key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encrypt now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encrypt the rows in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the re-encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandon the rotation before re-encryption starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key rotation result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a team to see its store&apos;s key rotation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation works on the team store this console has open: choose &quot;%1&quot;&apos;s store in the Store settings above and apply it to rotate its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steady: every row is under team key %1 (epoch %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: every row is under team key %1 (epoch %2). A new rotation can begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distributing: the next key %1 (epoch %2) is named. Export it to every agent; each imports it beside the current key. Then start the re-encryption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encrypting into key %1 (epoch %2): %3 rows moved so far.%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> This console does not hold the next key: import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the key rotation step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the key of team &quot;%1&quot;? A new team key is made in this keychain and named by the store. Nothing is re-encrypted until you start it; until then you can abandon the rotation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the re-encryption? From now on writes are sealed under the next key: an agent who has not imported it can only read, and the rotation can no longer be abandoned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encrypting in the background; the console stays usable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::LinkWidgetDialog</name>
    <message>
        <source>Aerosync widget (sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aerosync widget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the widget…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Widget prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Widget error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test banks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mxuser (badcreds = wrong credentials)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>challenge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1234</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deny access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>9 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least 4 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Routing number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ccount number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close widget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the widget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting a fresh widget token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link an account (sandbox widget)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect (sandbox widget)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA relaunch (sandbox widget)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the widget…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the buttons above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The widget is at “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox: any username and password; “badcreds” gives AC-117.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox: 0001 → AC-110 (MFA timed out), 0002 → AC-108 (lockout), 0004 → AR-500; any other code succeeds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox: “correct” succeeds; the third wrong answer locks (AC-108).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual links cannot report a balance (canFetchBalance is false).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the widget…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left in the bank&apos;s MFA window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Widget branding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branding: Aerosync&apos;s default (no configurationId set for this environment).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branding: configuration “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank connection was not finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank connection not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank connection was not finished. Try again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the bank connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again with a fresh widget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::MainWindow</name>
    <message>
        <source>AeroDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AeroDesk &amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About AeroDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More menus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AeroDesk Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the panel to show; each panel&apos;s shortcut (F1 lists them) also switches to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Panels&lt;/b&gt;&lt;/p&gt;&lt;table&gt;%1&lt;/table&gt;&lt;p&gt;&lt;b&gt;Keyboard&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Tab / Shift+Tab: move between the panel list and the panel&lt;br&gt;Up / Down in the panel list: change panel&lt;br&gt;F1: this help &amp;nbsp; Ctrl+Q: quit&lt;/p&gt;&lt;p&gt;The coloured banner at the top always names the environment you are working on: teal SANDBOX, blue CUSTOM SANDBOX, red PRODUCTION.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::MaskedSecretLabel</name>
    <message>
        <source>Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal or hide the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>•••••••• (%n character(s))</source>
        <translation>
            <numerusform>•••••••• (%n character)</numerusform>
            <numerusform>•••••••• (%n characters)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::MfaPromptDialog</name>
    <message>
        <source>MFA needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA relaunch prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 job on connection %2 is waiting for MFA at %3. Relaunch the widget so the user can enter the code or answer now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left in the MFA window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the MFA prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Relaunch widget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relaunch the widget for MFA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MFA window has closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the environment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The widget is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA completed: the job goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Relaunch to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Relaunch: start the job again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the job again and relaunch MFA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Next step: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3 Nothing will be retried. %4%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): the user did not finish the bank&apos;s step in time, so the job ended. Relaunch starts the job again; answer the new prompt at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in the bank&apos;s MFA window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MFA widget was closed before the bank&apos;s step was done. Relaunch while the window is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MFA widget is open (a fresh widget token): the user enters the code or answer there now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MFA widget was closed before the bank&apos;s step was done; it offers to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 job on %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (restarted after the MFA window)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::NoticeLine</name>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::PartnerUserTableModel</name>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) received for this user and not answered yet</source>
        <translation>
            <numerusform>%n event received for this user and not answered yet</numerusform>
            <numerusform>%n events received for this user and not answered yet</numerusform>
        </translation>
    </message>
    <message>
        <source>Partner user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last silent authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::PartnerUsersPanel</name>
    <message>
        <source>No partner users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No partner users yet. A user appears here once a connect event was answered OK for them: in the Payload Inspector, name the partner user, decrypt their connect event and answer OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal userCode…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal the selected user&apos;s stored userCode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log the selected user out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expire now (sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect the selected user in the sandbox now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored userCode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner users result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent outcomes (newest first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the environment to be ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a partner user first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1&apos;s stored userCode here, after a confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the logout flow for %1 and remove their userCode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only in a sandbox environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearse the FI&apos;s automatic disconnect of %1: the next silent authentication gets 410</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal the userCode?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the stored userCode of %1? It is a secret: anyone who sees your screen can use it to authenticate as this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The userCode of %1 cannot be shown: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The userCode of %1 is below, masked: Reveal shows it; selecting another row hides it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox&apos;s logout flow runs for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In production the logout web component on the partner&apos;s logout page does the browser side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging %1 out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox disconnected %1 as the FI&apos;s automatic disconnect would. The next silent authentication gets 410, and AeroDesk then removes the stored userCode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation &amp;bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation bundle for the selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>userCode of partner user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stored userCode of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview and save a redacted ZIP of %1&apos;s state, outcomes and log excerpt (never the userCode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partner user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the partner-user list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team store status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Partner users&lt;/h2&gt;The users of the partner&apos;s application for embedded banking, as this environment knows them. Their userCodes are kept in %1 only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team store is back: the partner users were read again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team store unreachable since %1 — showing the partner users as last read; revealing a userCode, logging out and expiring wait until it is back. Retrying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team store cannot be reached; this waits until it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Log out the partner user %1? Their stored userCode is removed from %2, %n pending event(s) of theirs dropped, and they must connect again.</source>
        <translation>
            <numerusform>Log out the partner user %1? Their stored userCode is removed from %2, %n pending event of theirs dropped, and they must connect again.</numerusform>
            <numerusform>Log out the partner user %1? Their stored userCode is removed from %2, %n pending events of theirs dropped, and they must connect again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::PayloadInspectorPanel</name>
    <message>
        <source>&lt;h2&gt;Payload Inspector&lt;/h2&gt;Decrypt an embedded-banking event and answer its retUrl.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload (hex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the hex payload of a connect or silent-authentication event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a payload file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample &amp;connect event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get a sample connect event from the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample &amp;silent-auth event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get a sample silent-authentication event from the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decrypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrypt the payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrypt with the partner private key (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the partner private key (PEM) into the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use sandbox &amp;keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the sandbox&apos;s key pair in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decryption error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>userCode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal userCode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal or hide the userCode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrypted JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the retUrl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retUrl result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the environment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the partner key from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner key from the keychain · %1-bit · fingerprint %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Connect event&lt;/b&gt; (initializeConnect)&lt;br&gt;retUrl: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Silent-authentication event&lt;/b&gt; (initializeAuthenticate)&lt;br&gt;attemptId: &lt;code&gt;%1&lt;/code&gt;&lt;br&gt;retUrl: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Other fields: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>userCode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide userCode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the environment to be ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only in a sandbox environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the sandbox&apos;s key pair into the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a PEM file; it is stored in the keychain only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the key from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a partner private key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a payload first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrypt an event first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the partner private key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input normalisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the partner&apos;s user id this event is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every event is handled for one partner user: their userCode is stored (connect) or sent (silent authentication).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner &amp;user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner user notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the partner user this event is for before answering it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer OK for the partner user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status to send instead of OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any other value (A–Z a–z 0–9 _ . -): the provider records it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a custom status value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, sent with the status of a connect event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send s&amp;tatus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the chosen status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner user: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event was answered (see the result below); decrypt a new event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the partner user this event is for (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>➜ Send status… (OK cannot be sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK cannot be sent for this event: choose a status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK cannot be sent for this event: %1 is suggested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any event can be refused with a status instead of OK; the provider records it as a failed attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the sandbox for a fresh connect event for the partner user (the sandbox names one when the box is empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the sandbox for a silent-authentication event for the partner user (after a connect was answered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send %1&apos;s stored userCode, encrypted, with OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send %1 instead of OK; nothing is stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the stored userCode?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s current userCode is replaced by this event&apos;s and cannot be used any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace and answer OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered: the stored userCode was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored userCode of %1 was removed: the user must connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;First step:&lt;/b&gt; put a partner private key in the keychain — &lt;i&gt;Use sandbox keys&lt;/i&gt; takes the sandbox&apos;s pair, &lt;i&gt;Import key…&lt;/i&gt; a PEM file. Then get a sample event or paste one, and Decrypt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;First step:&lt;/b&gt; import the partner private key (PEM) from the provider&apos;s developer portal with &lt;i&gt;Import key…&lt;/i&gt;; it is kept in the keychain only. Then paste an event&apos;s hex payload and Decrypt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing decrypted yet: get a sample connect event (or paste one), name its partner user, and Decrypt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing decrypted yet: paste an event&apos;s hex payload, name its partner user, and Decrypt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unnamed partner user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partner user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>userCode of a %1 event for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the userCode in this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payload (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partner private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partner user %1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the userCode in %2 for %1, then answer OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::RevealReasonDialog</name>
    <message>
        <source>Reason for revealing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why do you need to see %1? The reason is kept in the audit log with your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. ticket 4711, customer on the phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Give a reason of at least %n character(s) first.</source>
        <translation>
            <numerusform>Give a reason of at least %n character first.</numerusform>
            <numerusform>Give a reason of at least %n characters first.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::RotationReminderStatus</name>
    <message>
        <source>Webhook secret rotation reminder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::RotationReminderText</name>
    <message numerus="yes">
        <source>%1: the webhook secret is %n day(s) old — its %2-day rotation is due. Rotate secret patches Aerosync first, then the keychain.</source>
        <translation type="unfinished">
            <numerusform>%1: the webhook secret is %n day old — its %2-day rotation is due. Rotate secret patches Aerosync first, then the keychain.</numerusform>
            <numerusform>%1: the webhook secret is %n days old — its %2-day rotation is due. Rotate secret patches Aerosync first, then the keychain.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::SettingsPanel</name>
    <message>
        <source>Built-in sandbox — started by AeroDesk, read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PRODUCTION — real users and real bank data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Settings&lt;/h2&gt;Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add custom sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a custom sandbox profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected custom sandbox profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether this environment is active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned certificate PEM file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: the sandbox&apos;s certificate (PEM) to pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the pinned certificate PEM file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned certificate fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Widget configurationId</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apiKey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apiKey status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apiSecret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apiSecret status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook secret status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned ce&amp;rtificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;configurationId:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>api&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>api&amp;Secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Webhook secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this environment&apos;s settings and secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use this environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(chosen when the sandbox starts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sandbox&apos;s credentials are written by AeroDesk when it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved only in the keychain (profile &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved only in the keychain as the current webhook secret (profile &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none — system certificate authorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(known when the sandbox has started)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none — not pinned (system certificate authorities)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Secrets are in the keychain (profile &quot;%1&quot;) only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the sandbox&apos;s base URL (and optionally its certificate), its apiKey and apiSecret, then Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot;. Its keychain entries (profile &quot;%2&quot;) were left; remove them with the keychain&apos;s own tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use production?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch AeroDesk to PRODUCTION? Every action then touches real users&apos; bank connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now using %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ This is the active environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this custom sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only custom sandboxes can be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing to the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public fields to the settings, secrets to the keychain only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the environment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sandbox has not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the sandbox&apos;s base URL first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use PRODUCTION…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make this the active environment for every panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved in the keychain — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded-banking retUrl origins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://eb.provider.example, … (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retUrl &amp;origins:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sandbox&apos;s events are answered on its own origin only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded banking answers an event&apos;s retUrl only on these origins; none are allowed until listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded banking answers an event&apos;s retUrl on this sandbox&apos;s own origin and on any origin listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retUrl origins: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent with every widget launch (link, reconnect, MFA relaunch) so the widget wears your branding. Takes effect when the environment is used (Use this environment).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyring locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain not answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment %1; new %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment %1 removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::SmallTextFile</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large for %2 (over %3 KiB).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::TeamKeyExportDialog</name>
    <message>
        <source>Export team key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap team key %1 of &quot;%2&quot; for one agent. Prefer their enrolment key: only their keychain can open it. A passphrase export opens with the passphrase alone: pass the two by different ways.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For an agent&apos;s &amp;enrolment key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for an agent&apos;s enrolment key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent&apos;s enrolment public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the enrolment key the agent sent you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the agent&apos;s enrolment key from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under a &amp;passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export under a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export passphrase, again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the team key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export, for the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment key %1 of &quot;%2&quot;, made %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent&apos;s enrolment key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team key of %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrapping under the passphrase (about a second)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team key of %1 (passphrase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team key %1 exported under the passphrase. Send the passphrase another way than the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team key %1 exported for enrolment key %2: only that agent&apos;s keychain opens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the team key export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an enrolment key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::TeamKeyForm</name>
    <message>
        <source>Team key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A team store is opened with its team&apos;s key, held only in each member&apos;s keychain. The lead creates it once and exports it for each agent; an agent creates an enrolment key, sends its public half to the lead and imports what comes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team of the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team&apos;s name, as in the store settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this team&apos;s keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team key status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment key status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment public key, to send to the lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in it is secret: send it to your lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;reate team key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the team key (the lead, once per team)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create &amp;enrolment key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create this console&apos;s enrolment key for the team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the enrolment public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport for an agent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the team key for an agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import an export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a team key export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team key result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a team to see its keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read yet: press Show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None for &quot;%1&quot; on this console: a lead creates it, an agent imports the lead&apos;s export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, in this keychain (profile &quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: send its public half below to your lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (an agent needs one to receive the team key without a passphrase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console already holds the team&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lead creates the team key once; agents import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console already has one; `aerodesk-cli team enrol-key --replace` replaces it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key pair whose private half stays in this keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console holds no key of this team to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap the team key for an agent&apos;s enrolment key or under a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team key %1 created for &quot;%2&quot;, in this keychain only. Export it for each agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment key %1 created: its private half is in this keychain only. Send the public key shown to your lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment public key %1 copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team for &amp;keys:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::TeamKeyImportDialog</name>
    <message>
        <source>Import a team key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the export your lead sent you, or load its file. The team key goes into this console&apos;s keychain and nowhere else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team key export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-----BEGIN AERODESK TEAM KEY-----</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the export holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the export from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the team key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team key %1 of &quot;%2&quot;, exported by %3 under a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team key %1 of &quot;%2&quot;, exported by %3 for enrolment key %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team key export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unwrapping with the passphrase (about a second)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unwrapping with this console&apos;s enrolment key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team key %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console already held team key %1 of &quot;%2&quot;: nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team key %1 of &quot;%2&quot; is in this keychain. Choose the team in the store settings to open its store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team key %1 of &quot;%2&quot;, the rotation&apos;s next key, is in this keychain beside the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a team key export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::TeamStoreForm</name>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local store (this desktop only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team store on PostgreSQL (shared, end-to-end encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team store on PostgreSQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team store host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. db.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team store port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team store database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team store user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the CA (PEM) that signed the server&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the team store&apos;s CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team store password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type to replace; never shown again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Us&amp;er:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TLS mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tea&amp;m:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the team store connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pply store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the store choice and re-open the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team store result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team store CA (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved only in the keychain (profile &quot;%1&quot;, entry %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: the console opens the team store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: the console uses the local store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the password in the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were saved, but the password could not be saved in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved (password in the keychain): the console opens the team store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1: the store opens with team key %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team whose key opens this store (keychain profile &quot;Team: &lt;name&gt;&quot;; Team key, below, or aerodesk-cli team import puts it there).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::TimelineModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::UnsavedLinksNotice</name>
    <message>
        <source>Linked connections not stored yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry storing the linked connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the connections kept in memory to the local store again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new connection(s) linked but not stored yet: %1. They are kept in memory until the store takes them — do not quit; use Retry. %2</source>
        <translation>
            <numerusform>%n new connection linked but not stored yet: %1. They are kept in memory until the store takes them — do not quit; use Retry. %2</numerusform>
            <numerusform>%n new connections linked but not stored yet: %1. They are kept in memory until the store takes them — do not quit; use Retry. %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::WalkthroughsPanel</name>
    <message>
        <source>last run passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last run failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Sandbox walkthroughs&lt;/h2&gt;Rehearse each flow against the built-in sandbox; a step is ticked only when the sandbox confirms it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walkthroughs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walkthrough steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the sandbox confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walkthrough status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run walkthrough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected walkthrough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the result as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the result as HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Next step: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the sandbox to be ready…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walkthroughs run against a sandbox only; the active environment is production.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted store is not open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkthrough report to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::WebhookLogModel</name>
    <message>
        <source>(no event)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — rejected (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::WebhookSecretDialog</name>
    <message>
        <source>Set the webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret that signs this environment&apos;s webhook deliveries. It is kept in the keychain only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the old secret accepted as the previous one for the overlap window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the old secret as the previous one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::WebhookVerdictView</name>
    <message>
        <source>Verification result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a raw body and its X-Webhook-Signature header, then Verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-serialised body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no secret matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>previous secret expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no secret configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid (%1 secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Valid — matched the %1 secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Rejected — %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::ui::WebhooksPanel</name>
    <message>
        <source>&lt;h2&gt;Webhooks&lt;/h2&gt;Verify webhook signatures, watch sandbox deliveries and rotate the signing secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks panel state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing secret (keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlap window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rotate secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the webhook secret: a new random secret, the old one accepted for the overlap window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify a delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw webhook body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the raw request body exactly as received…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open body file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a file with the raw body (keeps its exact bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X-Webhook-Signature header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X-Webhook-&amp;Signature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a raw webhook body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No body yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch sandbox deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch sandbox deliveries on a local listener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;test event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the sandbox to send a test event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the delivery log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the webhook secrets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s), exact as given%1</source>
        <translation>
            <numerusform>%n byte, exact as given%1</numerusform>
            <numerusform>%n bytes, exact as given%1</numerusform>
        </translation>
    </message>
    <message>
        <source> (CRLF line ends kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) as UTF-8 (line breaks as \n — open the file to keep CRLF)</source>
        <translation>
            <numerusform>%n byte as UTF-8 (line breaks as \n — open the file to keep CRLF)</numerusform>
            <numerusform>%n bytes as UTF-8 (line breaks as \n — open the file to keep CRLF)</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — saved in the keychain (profile &quot;%2&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1 · subscription %2 · the sandbox now signs with the new secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox subscription still has the old secret: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribing %1 with the sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribing the listener failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1 · subscription %2 · every event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1 · subscription %2 · test.event queued (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test event was not queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No previous secret: only the current one is accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous secret accepted until %1 (rotated %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous secret&apos;s overlap window closed at %1: it is no longer accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the environment to be ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the webhook secrets from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook secrets could not be read from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the webhook secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · secrets from the keychain profile &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the secret configured for this environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a raw body first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the signature against the current and previous secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production cannot deliver to this computer: watching works with a sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set or rotate a webhook secret first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop &amp;watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribe and stop the local listener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on 127.0.0.1 and subscribe it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start watching first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POST /webhooks/{id}/test: the sandbox sends a signed test.event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age of the current secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation period in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the secret when it is this old (kept for this environment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not watching. Watch sandbox deliveries subscribes a local listener; each delivery is verified before it is answered (200, or 401 for a bad signature) and listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotating: patching the environment&apos;s webhook subscriptions first…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: this secret was set before AeroDesk recorded when. Rotate it to start counting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) old (set %1); rotation due %2.</source>
        <translation>
            <numerusform>%n day old (set %1); rotation due %2.</numerusform>
            <numerusform>%n days old (set %1); rotation due %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) old (set %1); rotation was due %2.</source>
        <translation>
            <numerusform>%n day old (set %1); rotation was due %2.</numerusform>
            <numerusform>%n days old (set %1); rotation was due %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · no webhook secret yet. First: Set secret… with the secret configured for this environment at Aerosync, or Rotate secret to make one (it is sent to every subscription). Then Watch sandbox deliveries and Send test event to see them verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate a new random secret, patch it into every webhook subscription of this environment at Aerosync, then keep it; the current one stays accepted for 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>previous webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook secret of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook secret of %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (previous kept)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::walkthrough::Walkthrough</name>
    <message>
        <source>Aerosync Bank (MFA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aerosync Bank (OAuth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aerosync Bank (Security Question)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox is not ready yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the banner to show the sandbox&apos;s address, then run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>username mxuser, password challenge, then the code 1234</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>username mxuser, password challenge, then approve the bank&apos;s consent page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>username mxuser, password challenge, then the answer &quot;correct&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch the widget with a fresh widget token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every widget session gets its own token from POST /v2/token_widget; the sandbox, like Aerosync, accepts it once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the widget opened on the bank picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pageSuccess for connection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test values: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection persisted before anything else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console writes the pageSuccess connection to its encrypted store before it makes any other call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted store is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection is not in the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the store&apos;s error in the Connections panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection %1 is in the encrypted store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a %1 job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POST the job, then poll it (bounded at 90 s or 30 attempts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job %1 created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank asks for MFA during the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job&apos;s status shows mfaTriggered: the console prompts at once and tracks the MFA window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA requested for job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relaunch the widget with handleMFA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fresh widget token, launched with handleMFA, jobId and connectionId; the same answer as at sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job completes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling resumes after the relaunch and the data is fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job %1 completed after %2 polls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner and provider keys in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox hands out its key pair; a real partner imports its PEM once. Keys live only in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded banking: a partner user from connect to logout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partner key %1…, partner user %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect: decrypt the event, store the userCode, answer OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSA-OAEP (SHA-1) with the partner private key → {userCode, retUrl}; the code is stored in the keychain for the partner user first, then {&quot;status&quot;: &quot;OK&quot;} is posted: the provider answers 204.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silent authentication with the user&apos;s stored code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ {attemptId, retUrl}; the reply carries this user&apos;s stored userCode, encrypted to the provider&apos;s public key: 204.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silently authenticated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic disconnect (time-scaled sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider disconnects an idle user after a long period (days in production). The sandbox&apos;s period is set to %1 ms for this step, then restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sandbox says %1 is expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox did not disconnect %1 within %2 s (state: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the sandbox&apos;s idle timeout in /sandbox/eb/state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox&apos;s state has no idleTimeoutMs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invalid code is removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A silent authentication answered with the disconnected user&apos;s code gets 410: the workflow removes the stored code at once and marks the user invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: code removed, %3 is invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected 410 and the code removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invalid user connects again: a new code is stored and OK answered (204).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment&apos;s logout flow, then every artifact of the user&apos;s session is removed: the sandbox shows the user logged out with no userCode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sandbox says %1 is logged out, with no userCode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox still shows %1 as %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::webhooks::SecretRotation</name>
    <message>
        <source>The secret was not rotated: there is no environment to reach Aerosync with. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret was not rotated: the current secret could not be read from the keychain (%1). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret was not rotated: listing the subscriptions (%1) failed — %2. Nothing was changed, here or at Aerosync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret was not rotated: the environment went away during the rotation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret was not rotated: %1 failed — %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret was not rotated: saving it in the keychain failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotated locally only: this environment has no webhook subscription, so Aerosync had nothing to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rotated: Aerosync signs with the new secret (%n subscription(s) patched)%1.</source>
        <translation>
            <numerusform>Rotated: Aerosync signs with the new secret (%n subscription patched)%1.</numerusform>
            <numerusform>Rotated: Aerosync signs with the new secret (%n subscriptions patched)%1.</numerusform>
        </translation>
    </message>
    <message>
        <source>; the old one is accepted until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: the local secret and Aerosync&apos;s are the old one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Putting the old secret back failed (no environment); these subscriptions now sign with a secret that is not in the keychain: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Putting the old secret back with %1 failed too — %2; these subscriptions now sign with a secret that is not in the keychain: %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aerodesk::webhooks::WebhookListener</name>
    <message>
        <source>Could not listen on 127.0.0.1 (no free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is larger than 1 MiB: refused unread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No webhook secret to verify with.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
