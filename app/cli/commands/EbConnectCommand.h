#pragma once

#include "EmbeddedEventCommand.h"

namespace aerodesk::cli {

/// `eb-connect`: decrypts a connect event and answers it for --user through the
/// EmbeddedWorkflow: the userCode is stored in the keychain for the user first, then OK is posted
/// (DATA_STORE_UNAVAILABLE if storing failed). Replacing a connected user's code needs --yes.
class EbConnectCommand final : public EmbeddedEventCommand
{
public:
    QString name() const override { return QStringLiteral("eb-connect"); }
    QString summary() const override
    {
        return QStringLiteral(
            "Answer a connect event for a partner user: store the userCode, then OK.");
    }
    void addOptions(QCommandLineParser &parser) override;

protected:
    std::optional<embedded::EventPayload::Kind> expects() const override;
    bool answersOk() const override { return true; }
    void answer(CliContext &ctx, embedded::EmbeddedWorkflow &workflow, int id,
                Answered done) override;
};

} // namespace aerodesk::cli
