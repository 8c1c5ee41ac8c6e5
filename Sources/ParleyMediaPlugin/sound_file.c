// Sound files through libsndfile (WAV, FLAC, Ogg, MP3), with the names of their container and encoding as a
// user reads them: `WAV, 16-bit PCM`. libsndfile keeps no global state beside the latest open's failure.
#include "CMediaCodecs.h"
#include <sndfile.h>
#include <stdio.h>

typedef struct {
    int format;
    const char *name;
} named_format;

static const named_format containers[] = {
    {SF_FORMAT_WAV, "WAV"},   {SF_FORMAT_WAVEX, "WAV"}, {SF_FORMAT_RF64, "WAV (RF64)"},
    {SF_FORMAT_W64, "Wave64"}, {SF_FORMAT_FLAC, "FLAC"}, {SF_FORMAT_OGG, "Ogg"},
    {SF_FORMAT_AIFF, "AIFF"}, {SF_FORMAT_AU, "AU"},     {SF_FORMAT_CAF, "CAF"},
    {SF_FORMAT_MPEG, "MPEG audio"},
};

static const named_format encodings[] = {
    {SF_FORMAT_PCM_S8, "8-bit PCM"},    {SF_FORMAT_PCM_U8, "8-bit PCM"},     {SF_FORMAT_PCM_16, "16-bit PCM"},
    {SF_FORMAT_PCM_24, "24-bit PCM"},   {SF_FORMAT_PCM_32, "32-bit PCM"},    {SF_FORMAT_FLOAT, "32-bit float"},
    {SF_FORMAT_DOUBLE, "64-bit float"}, {SF_FORMAT_ULAW, "µ-law"},           {SF_FORMAT_ALAW, "A-law"},
    {SF_FORMAT_IMA_ADPCM, "IMA ADPCM"}, {SF_FORMAT_MS_ADPCM, "MS ADPCM"},    {SF_FORMAT_VORBIS, "Vorbis"},
    {SF_FORMAT_OPUS, "Opus"},
};

static const char *name_of(int format, const named_format *names, size_t count) {
    for (size_t i = 0; i < count; i++)
        if (names[i].format == format) return names[i].name;
    return NULL;
}

parley_sound *parley_sound_open(const char *path, parley_sound_info *info, char *message, size_t message_size) {
    SF_INFO header = {0};
    SNDFILE *file = sf_open(path, SFM_READ, &header);
    if (!file) {
        // With no handle, libsndfile reports the failure of the latest open on any thread; good enough for a
        // message, and the failure itself does not depend on it.
        if (message && message_size > 0) snprintf(message, message_size, "%s", sf_strerror(NULL));
        return NULL;
    }
    info->frames = header.frames;
    info->sample_rate = header.samplerate;
    info->channels = header.channels;
    info->container = name_of(header.format & SF_FORMAT_TYPEMASK, containers, sizeof containers / sizeof *containers);
    info->encoding = name_of(header.format & SF_FORMAT_SUBMASK, encodings, sizeof encodings / sizeof *encodings);
    return (parley_sound *)file;
}

int64_t parley_sound_read(parley_sound *sound, float *samples, int64_t frames) {
    return sf_readf_float((SNDFILE *)sound, samples, frames);
}

void parley_sound_close(parley_sound *sound) { sf_close((SNDFILE *)sound); }
