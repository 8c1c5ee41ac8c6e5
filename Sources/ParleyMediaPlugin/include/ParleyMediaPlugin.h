#ifndef PARLEY_MEDIA_PLUGIN_H
#define PARLEY_MEDIA_PLUGIN_H

// libParleyMediaPlugin.so: the code that uses FFmpeg, chafa, libjpeg and libsndfile, loaded by the app
// (Sources/CMediaCodecs/plugin_loader.c) the first time it needs one of them. It exports one symbol; every
// other function is hidden, so that none can be confused with the app's functions of the same name.

struct parley_media_plugin;

/// The table of the plugin's functions (MediaPluginTable.h), PARLEY_MEDIA_PLUGIN_ENTRY.
__attribute__((visibility("default"))) const struct parley_media_plugin *parley_media_plugin_v1(void);

#endif
