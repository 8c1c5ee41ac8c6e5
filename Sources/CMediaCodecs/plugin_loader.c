// Finds and loads the media plugin once per process. The app starts without it: the libraries it pulls in
// (FFmpeg with its codecs and devices, chafa with glib, libjpeg, libsndfile) cost tens of milliseconds of
// dynamic loading and megabytes of memory at every start, for features most sessions never use.
#include "MediaPluginTable.h"
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define PLUGIN_FILE "libParleyMediaPlugin.so"

static _Atomic(const parley_media_plugin *) loaded = NULL;
static pthread_mutex_t loading = PTHREAD_MUTEX_INITIALIZER;

static void say(char *message, size_t message_size, const char *text) {
    if (message && message_size > 0) snprintf(message, message_size, "%s", text);
}

/// dlopen and the entry's table, checked; NULL with the reason in `message`.
static const parley_media_plugin *open_plugin(const char *path, char *message, size_t message_size) {
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *reason = dlerror();
        say(message, message_size, reason ? reason : "the dynamic loader gave no reason");
        return NULL;
    }
    const parley_media_plugin *(*entry)(void) =
        (const parley_media_plugin *(*)(void))dlsym(handle, PARLEY_MEDIA_PLUGIN_ENTRY);
    const parley_media_plugin *table = entry ? entry() : NULL;
    if (!table || table->version != PARLEY_MEDIA_PLUGIN_VERSION) {
        if (message && message_size > 0)
            snprintf(message, message_size, "%s is not version %d of the media plugin", path,
                     PARLEY_MEDIA_PLUGIN_VERSION);
        dlclose(handle);
        return NULL;
    }
    // Never closed: the table's functions and the strings they return stay valid for the process's life.
    return table;
}

/// Beside the running executable (the build directory, or where parley is installed); else by name, through
/// the executable's run path and LD_LIBRARY_PATH. The first reason is the one reported.
static const parley_media_plugin *open_default(char *message, size_t message_size) {
    char path[PATH_MAX];
    ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
    if (length > 0) {
        path[length] = 0;
        char *slash = strrchr(path, '/');
        if (slash && (size_t)(slash - path) + 1 + sizeof PLUGIN_FILE <= sizeof path) {
            strcpy(slash + 1, PLUGIN_FILE);
            const parley_media_plugin *table = open_plugin(path, message, message_size);
            if (table) return table;
            return open_plugin(PLUGIN_FILE, NULL, 0);
        }
    }
    return open_plugin(PLUGIN_FILE, message, message_size);
}

int parley_media_plugin_load(const char *path, char *message, size_t message_size) {
    if (!path && atomic_load(&loaded)) return 0;
    pthread_mutex_lock(&loading);
    const parley_media_plugin *table = atomic_load(&loaded);
    // A path named explicitly is always tried, so that its caller learns whether that file loads.
    if (path || !table) {
        table = path ? open_plugin(path, message, message_size) : open_default(message, message_size);
        if (table && !atomic_load(&loaded)) atomic_store(&loaded, table);
    }
    pthread_mutex_unlock(&loading);
    return table ? 0 : -1;
}

const parley_media_plugin *parley_media_plugin_table(void) {
    const parley_media_plugin *table = atomic_load(&loaded);
    if (table) return table;
    parley_media_plugin_load(NULL, NULL, 0);
    return atomic_load(&loaded);
}
