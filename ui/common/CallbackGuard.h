#pragma once

#include <memory>

namespace aerodesk::ui {

/// The one guard for callbacks that can outlive what they were started for (a panel, an
/// environment, a selected profile). A callback captures a token() and returns at once when the
/// token is no longer alive:
///
///     client->call(..., [this, alive = m_guard.token()](auto result) {
///         if (!alive)
///             return; // the panel is gone or the guard was reset since the call started
///         ...
///     });
///
/// reset() makes every token issued so far stale (e.g. on an environment change); destroying the
/// guard (with its owner) does the same, so a live token also means `this` is still valid. Tokens
/// are checked on the thread that owns the guard (the UI thread); they are cheap to copy.
class CallbackGuard
{
public:
    class Token
    {
    public:
        Token() = default;
        bool alive() const { return m_alive && *m_alive; }
        explicit operator bool() const { return alive(); }

    private:
        friend class CallbackGuard;
        explicit Token(std::shared_ptr<const bool> alive)
            : m_alive(std::move(alive))
        {
        }
        std::shared_ptr<const bool> m_alive;
    };

    CallbackGuard();
    ~CallbackGuard();
    CallbackGuard(const CallbackGuard &) = delete;
    CallbackGuard &operator=(const CallbackGuard &) = delete;

    /// A token alive until the next reset() or the guard's destruction.
    Token token() const { return Token(m_alive); }
    /// Every token issued so far becomes stale; new tokens are alive.
    void reset();

private:
    std::shared_ptr<bool> m_alive;
};

} // namespace aerodesk::ui
