#pragma once

#include <utility>
#include <variant>

namespace aerodesk {

/// A value or a typed error: what every fallible core operation returns, instead of throwing.
/// (std::expected is C++23; this is the small subset we use.)
template<class T, class E> class Result
{
public:
    Result(T value)
        : m_v(std::in_place_index<0>, std::move(value))
    {
    } // NOLINT: implicit by design
    Result(E error)
        : m_v(std::in_place_index<1>, std::move(error))
    {
    } // NOLINT: implicit by design

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T *operator->() { return &std::get<0>(m_v); }
    const T *operator->() const { return &std::get<0>(m_v); }
    T &operator*() & { return std::get<0>(m_v); }
    const T &operator*() const & { return std::get<0>(m_v); }

    const E &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, E> m_v;
};

/// A Result with no value: success, or an error.
template<class E> class Status
{
public:
    Status() = default;
    Status(E error)
        : m_error(std::move(error))
        , m_ok(false)
    {
    } // NOLINT: implicit by design
    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const E &error() const { return m_error; }

private:
    E m_error {};
    bool m_ok = true;
};

} // namespace aerodesk
