#include "ui/common/MaskedSecretLabel.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalBlocker>

namespace aerodesk::ui {

MaskedSecretLabel::MaskedSecretLabel(const QString &what, QWidget *parent)
    : QWidget(parent)
    , m_what(what)
{
    m_value = new QLabel(this);
    m_value->setObjectName(QStringLiteral("secretValue"));
    m_value->setAccessibleName(what);
    m_value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reveal = new QPushButton(tr("Reveal"), this);
    m_reveal->setObjectName(QStringLiteral("revealSecret"));
    m_reveal->setAccessibleName(tr("Reveal or hide the %1").arg(what.toLower()));
    m_reveal->setCheckable(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_value, 1);
    layout->addWidget(m_reveal);
    connect(m_reveal, &QPushButton::toggled, this, &MaskedSecretLabel::setRevealed);
    refresh();
}

void MaskedSecretLabel::setSecret(crypto::SecureBytes secret)
{
    m_secret = std::move(secret);
    ++m_generation;
    m_reveal->setChecked(false);
    setRevealed(false);
}

void MaskedSecretLabel::clear()
{
    setSecret({});
}

void MaskedSecretLabel::setRevealed(bool revealed)
{
    if (revealed && m_gate && !m_passing && !m_secret.isEmpty()) {
        {
            const QSignalBlocker blocker(m_reveal);
            m_reveal->setChecked(false);
        }
        QPointer<MaskedSecretLabel> self(this);
        const int generation = m_generation;
        m_gate([self, generation] {
            if (!self || self->m_generation != generation)
                return;
            self->m_passing = true;
            self->m_reveal->setChecked(true);
            self->m_passing = false;
        });
        return;
    }
    m_revealed = revealed && !m_secret.isEmpty();
    refresh();
}

QString MaskedSecretLabel::shownText() const
{
    return m_value->text();
}

void MaskedSecretLabel::refresh()
{
    m_reveal->setEnabled(!m_secret.isEmpty());
    m_reveal->setText(m_revealed ? tr("Hide") : tr("Reveal"));
    if (m_secret.isEmpty()) {
        m_value->setText(tr("not set"));
    } else if (m_revealed) {
        m_value->setText(m_secret.toUtf8String());
    } else {
        m_value->setText(tr("•••••••• (%n character(s))", nullptr, int(m_secret.size())));
    }
}

} // namespace aerodesk::ui
