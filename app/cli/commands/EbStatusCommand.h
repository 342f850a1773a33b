#pragma once

#include "EmbeddedEventCommand.h"

namespace aerodesk::cli {

/// `eb-status`: answers an event (either kind) for --user with a status other than
/// OK (ReplyStatus::checkCustom): the document's USER_NOT_AUTHENTICATED, SESSION_EXPIRED,
/// DATA_STORE_UNAVAILABLE or a custom value. Stores nothing.
class EbStatusCommand final : public EmbeddedEventCommand
{
public:
    QString name() const override { return QStringLiteral("eb-status"); }
    QString summary() const override
    {
        return QStringLiteral(
            "Answer an event with a status other than OK (the provider records the failure).");
    }
    void addOptions(QCommandLineParser &parser) override;

protected:
    QString checkOptions(const CliContext &ctx) const override;
    std::optional<embedded::EventPayload::Kind> expects() const override;
    bool answersOk() const override { return false; }
    void answer(CliContext &ctx, embedded::EmbeddedWorkflow &workflow, int id,
                Answered done) override;
};

} // namespace aerodesk::cli
