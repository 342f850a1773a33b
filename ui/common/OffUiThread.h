#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <utility>

namespace aerodesk::ui {

/// Runs `work` on Qt's global thread pool and then `done(result)` on `context`'s thread —
/// only if `context` still exists (the watcher is its child). For crypto, hashing and file
/// reads the UI thread must not wait for. `T` must be copyable (wrap secrets in shared_ptr).
template<class T>
void runOffUiThread(QObject *context, std::function<T()> work, std::function<void(T)> done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context,
                     [watcher, done = std::move(done)] {
                         watcher->deleteLater();
                         done(watcher->result());
                     });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace aerodesk::ui
