// After an import, no copy of the team key or of the passphrase is left in this process's
// memory: every buffer that held them (scrypt, AES-GCM, the importer, the keychain write) is
// wiped when released. Searched with tests/support/MemoryScan (the search holds no copy).
#include "core/crypto/Random.h"
#include "core/team/TeamKeyImporter.h"
#include "core/team/TeamKeyWrapper.h"
#include "core/team/TeamKeychain.h"
#include "tests/core/team/TeamPeer.h"
#include "tests/support/MemoryScan.h"
#include "tests/support/Wait.h"

#include <QCoreApplication>
#include <QTest>

#include <gtest/gtest.h>
#include <optional>

using namespace aerodesk;
using test::countInProcessMemory;
using test::MaskedSecret;

namespace {

void settleTeamJobs()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QTest::qWait(20);
    }
}

} // namespace

TEST(TeamMemory, NoCopyOfTheKeyOrThePassphraseOutlivesAnImport)
{
    const QString teamName = test::uniqueTeam();
    std::optional<MaskedSecret> keyWindow;
    std::optional<MaskedSecret> passWindow;
    QByteArray exportText;
    {
        crypto::SecureBytes passphrase = crypto::Random::secretBytes(48);
        for (std::size_t i = 0; i < passphrase.size(); ++i)
            passphrase.data()[i] = static_cast<unsigned char>('!' + passphrase.data()[i] % 90);
        const team::TeamKey key = team::TeamKey::create();
        // Windows past the first 16 bytes: the allocator reuses a freed block's first bytes.
        keyWindow = MaskedSecret::fromPlain(key.bytes().data() + 16, 16);
        passWindow = MaskedSecret::fromPlain(passphrase.data() + 16, 24);
        auto wrapped = team::TeamKeyWrapper::wrapWithPassphrase(
            key, passphrase, { teamName, QStringLiteral("lead") }, test::cheapScrypt());
        ASSERT_TRUE(wrapped.ok());
        exportText = wrapped->toArmoured();

        team::TeamKeyImporter importer;
        std::optional<bool> imported;
        importer.import(exportText, std::move(passphrase),
                        [&imported](auto r) { imported = r.ok(); });
        ASSERT_TRUE(test::waitUntil([&] { return imported.has_value(); }, 30000));
        ASSERT_TRUE(*imported);
        settleTeamJobs();
        EXPECT_EQ(countInProcessMemory(*keyWindow), 1) << "only the test's own key";
        EXPECT_EQ(countInProcessMemory(*passWindow), 0) << "the importer kept the passphrase";
    } // the test's key is wiped here
    settleTeamJobs();
    QString where;
    EXPECT_EQ(countInProcessMemory(*keyWindow, &where), 0)
        << "a copy of the team key is left in " << where.toStdString();
    EXPECT_EQ(countInProcessMemory(*passWindow, &where), 0)
        << "a copy of the passphrase is left in " << where.toStdString();

    team::TeamKeychain keychain(teamName);
    std::optional<bool> removed;
    keychain.removeTeamKey([&removed](auto s) { removed = s.ok(); });
    EXPECT_TRUE(test::waitUntil([&] { return removed.has_value(); }, 20000));
}
