#include "core/team/Armour.h"

#include <QCoreApplication>

namespace aerodesk::team {

namespace {
constexpr int kColumns = 64;
constexpr const char kArmourBeginPrefix[] = "-----BEGIN AERODESK ";

QByteArray armourLine(const char *what, const char *label)
{
    return QByteArrayLiteral("-----") + what + " AERODESK " + label + "-----";
}

QString describeLabel(const QByteArray &label)
{
    if (label == Armour::kEnrolmentKeyLabel)
        return QCoreApplication::translate("aerodesk::team::Armour",
                                           "an agent's enrolment public key");
    if (label == Armour::kTeamKeyLabel)
        return QCoreApplication::translate("aerodesk::team::Armour", "a team-key export");
    return QCoreApplication::translate("aerodesk::team::Armour", "another AeroDesk block");
}
} // namespace

QByteArray Armour::encode(const char *label, QByteArrayView payload)
{
    const QByteArray b64 = payload.toByteArray().toBase64();
    QByteArray out = armourLine("BEGIN", label) + '\n';
    for (qsizetype i = 0; i < b64.size(); i += kColumns)
        out += b64.mid(i, kColumns) + '\n';
    out += armourLine("END", label) + '\n';
    return out;
}

Result<QByteArray, TeamError> Armour::decode(const char *label, QByteArrayView textView)
{
    const QByteArray text = textView.toByteArray();
    const QByteArray begin = armourLine("BEGIN", label);
    const qsizetype start = text.indexOf(begin);
    if (start < 0) {
        const qsizetype other = text.indexOf(kArmourBeginPrefix);
        if (other < 0)
            return TeamError::make(
                TeamError::Kind::NotOurFormat,
                QCoreApplication::translate("aerodesk::team::Armour",
                                            "This is not an AeroDesk team-key text (no "
                                            "\"-----BEGIN AERODESK\" line)."));
        const qsizetype labelStart = other + qsizetype(sizeof(kArmourBeginPrefix) - 1);
        const QByteArray otherLabel =
            text.mid(labelStart, text.indexOf("-----", labelStart) - labelStart);
        return TeamError::make(
            TeamError::Kind::NotOurFormat,
            QCoreApplication::translate("aerodesk::team::Armour",
                                        "This is %1, not what was expected here.")
                .arg(describeLabel(otherLabel)));
    }
    const qsizetype bodyStart = start + begin.size();
    const qsizetype end = text.indexOf(armourLine("END", label), bodyStart);
    if (end < 0)
        return TeamError::make(
            TeamError::Kind::Corrupt,
            QCoreApplication::translate("aerodesk::team::Armour",
                                        "The AeroDesk block is cut short (no END line)."));
    QByteArray body = text.mid(bodyStart, end - bodyStart);
    body.replace('\r', QByteArray()).replace('\n', QByteArray()).replace(' ', QByteArray());
    auto decoded = QByteArray::fromBase64Encoding(body, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return TeamError::make(
            TeamError::Kind::Corrupt,
            QCoreApplication::translate("aerodesk::team::Armour",
                                        "The AeroDesk block's base64 is damaged."));
    return std::move(decoded.decoded);
}

} // namespace aerodesk::team
