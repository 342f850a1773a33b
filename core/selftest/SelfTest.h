#pragma once

#include "core/selftest/SelfTestStep.h"

#include <QList>
#include <QObject>

#include <functional>
#include <memory>

namespace aerodesk::selftest {

/// `aerodesk --self-test`: proves an installation works, headless, in about ten seconds.
///
///  1. Qt runtime version (≥ 6.4) and its TLS backend, OpenSSL version (≥ 3.0);
///  1b. process hardening: core dumps off (ProcessHardening);
///  3. the keychain backend: write, read back and remove a probe secret;
///  4. start the bundled aerodesk-sandbox (pinned HTTPS on loopback);
///  5. an API token;  6. link a connection on Aerosync Bank (OAuth) through the widget stand-in,
///     (its pageSuccess goes through the LinkWidgetEventDispatcher like the console's);
///  7. a balance job polled to completion;
///  8. an embedded-banking connect event decrypted with the partner key and its retUrl answered
///     (204).
/// A step that cannot run because an earlier one failed is SKIPPED (and counts as a failure).
/// Everything it writes to the keychain lives under a throwaway profile and is removed at the end.
class SelfTest : public QObject
{
    Q_OBJECT
public:
    explicit SelfTest(QString sandboxExecutable, QObject *parent = nullptr);
    ~SelfTest() override;
    void run();
    const QList<SelfTestStep> &steps() const { return m_steps; }

Q_SIGNALS:
    void stepFinished(const aerodesk::selftest::SelfTestStep &step);
    void finished(bool allPassed);

private:
    struct State;
    using Next = std::function<void()>;
    void record(SelfTestStep step);
    void pass(const QString &name, const QString &detail);
    void fail(const QString &name, const QString &detail, const QString &fix);
    void skipRest(const QString &why);
    void checkVersions();
    void checkHardening();
    void checkKeychain(Next next);
    void startSandbox(Next next);
    void getToken(Next next);
    void linkConnection(Next next);
    void runBalanceJob(Next next);
    void answerEmbeddedEvent(Next next);
    void cleanUp();

    QString m_sandboxExecutable;
    std::unique_ptr<State> m_state;
    QList<SelfTestStep> m_steps;
    QStringList m_remaining;
};

} // namespace aerodesk::selftest
