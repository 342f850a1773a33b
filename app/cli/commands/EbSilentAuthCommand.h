#pragma once

#include "EmbeddedEventCommand.h"

namespace aerodesk::cli {

/// `eb-silent-auth`: decrypts a silent-authentication event and answers it with
/// --user's stored userCode only (encrypted to the provider's public key), never another's.
class EbSilentAuthCommand final : public EmbeddedEventCommand
{
public:
    QString name() const override { return QStringLiteral("eb-silent-auth"); }
    QString summary() const override
    {
        return QStringLiteral(
            "Answer a silent-authentication event with the partner user's stored userCode.");
    }

protected:
    std::optional<embedded::EventPayload::Kind> expects() const override;
    bool answersOk() const override { return true; }
    void answer(CliContext &ctx, embedded::EmbeddedWorkflow &workflow, int id,
                Answered done) override;
};

} // namespace aerodesk::cli
