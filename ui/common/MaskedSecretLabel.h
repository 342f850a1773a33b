#pragma once

#include "core/crypto/SecureBytes.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace aerodesk::ui {

/// A secret shown masked ("•••••••• 38 characters") with a Reveal toggle that shows it in this
/// label only, until hidden again or the secret changes. The value is kept in wiping memory.
class MaskedSecretLabel : public QWidget
{
    Q_OBJECT
public:
    /// `what` names the secret for screen readers ("Current webhook secret").
    MaskedSecretLabel(const QString &what, QWidget *parent = nullptr);

    void setSecret(crypto::SecureBytes secret);
    void clear();
    bool isRevealed() const { return m_revealed; }
    /// What the label shows now.
    QString shownText() const;
    QPushButton *revealButton() const { return m_reveal; }
    /// Called when Reveal is pressed: the label reveals only once the gate calls `reveal`
    /// (e.g. AuditedReveal, after a reason was given and recorded). None: reveals at once.
    using RevealGate = std::function<void(std::function<void()> reveal)>;
    void setRevealGate(RevealGate gate) { m_gate = std::move(gate); }

private:
    void setRevealed(bool revealed);
    void refresh();

    QString m_what;
    crypto::SecureBytes m_secret;
    bool m_revealed = false;
    RevealGate m_gate;
    bool m_passing = false; ///< the gate approved this reveal
    int m_generation = 0; ///< bumped with every new secret: an old approval does not apply
    QLabel *m_value = nullptr;
    QPushButton *m_reveal = nullptr;
};

} // namespace aerodesk::ui
