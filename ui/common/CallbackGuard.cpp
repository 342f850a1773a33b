#include "ui/common/CallbackGuard.h"

namespace aerodesk::ui {

CallbackGuard::CallbackGuard()
    : m_alive(std::make_shared<bool>(true))
{
}

CallbackGuard::~CallbackGuard()
{
    *m_alive = false;
}

void CallbackGuard::reset()
{
    *m_alive = false;
    m_alive = std::make_shared<bool>(true);
}

} // namespace aerodesk::ui
