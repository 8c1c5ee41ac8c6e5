// A sound's format and waveform in one streaming pass with libavformat and libavcodec. The peaks are gathered
// into a fixed number of buckets whose width doubles whenever they fill up, so memory stays the same however
// long the sound is, and the duration comes from what was decoded rather than from what the header claims.
#include "CVideoCodecs.h"
#include "av_common.h"
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define BUCKETS 4096
#define MAX_BAD_PACKETS 64

typedef struct {
    float peaks[BUCKETS];
    int used;            // buckets filled so far
    int64_t width;       // samples per bucket
    int64_t samples;     // samples seen
} peak_buckets;

static void add_peak(peak_buckets *buckets, float peak) {
    int64_t index = buckets->samples / buckets->width;
    if (index >= BUCKETS) {
        // Full: merge neighbours pairwise, halving the resolution, and go on at twice the width.
        for (int i = 0; i < BUCKETS / 2; i++)
            buckets->peaks[i] = fmaxf(buckets->peaks[2 * i], buckets->peaks[2 * i + 1]);
        memset(buckets->peaks + BUCKETS / 2, 0, sizeof(float) * BUCKETS / 2);
        buckets->width *= 2;
        index = buckets->samples / buckets->width;
    }
    if (peak > buckets->peaks[index]) buckets->peaks[index] = peak;
    buckets->used = (int)index + 1;
    buckets->samples += 1;
}

/// The loudest of one sample's channels, 0 to 1.
static float sample_peak(const AVFrame *frame, int sample, int channels) {
    int planar = av_sample_fmt_is_planar(frame->format);
    float peak = 0;
    for (int channel = 0; channel < channels; channel++) {
        int plane = planar ? channel : 0;
        int offset = planar ? sample : sample * channels + channel;
        const uint8_t *data = frame->extended_data[plane];
        float value = 0;
        switch (av_get_packed_sample_fmt(frame->format)) {
        case AV_SAMPLE_FMT_U8: value = (data[offset] - 128) / 128.0f; break;
        case AV_SAMPLE_FMT_S16: value = ((const int16_t *)data)[offset] / 32768.0f; break;
        case AV_SAMPLE_FMT_S32: value = ((const int32_t *)data)[offset] / 2147483648.0f; break;
        case AV_SAMPLE_FMT_S64: value = (float)(((const int64_t *)data)[offset] / 9223372036854775808.0); break;
        case AV_SAMPLE_FMT_FLT: value = ((const float *)data)[offset]; break;
        case AV_SAMPLE_FMT_DBL: value = (float)((const double *)data)[offset]; break;
        default: break;
        }
        value = fabsf(value);
        if (value > peak) peak = value;
    }
    return peak > 1 ? 1 : peak;
}

static int scan(AVFormatContext *format, AVCodecContext *codec, int stream, int64_t max_samples,
                peak_buckets *buckets, char *message, size_t message_size) {
    AVPacket *packet = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    int result = packet && frame ? 0 : AVERROR(ENOMEM);
    int draining = 0, bad_packets = 0;
    while (result == 0) {
        int received = avcodec_receive_frame(codec, frame);
        if (received == 0) {
            int channels = frame->ch_layout.nb_channels;
            for (int sample = 0; sample < frame->nb_samples; sample++)
                add_peak(buckets, sample_peak(frame, sample, channels));
            av_frame_unref(frame);
            if (buckets->samples > max_samples) result = PARLEY_AV_TOO_LONG;
            continue;
        }
        if (received == AVERROR_EOF) break;
        if (received != AVERROR(EAGAIN)) {
            result = received;
            break;
        }
        int read = av_read_frame(format, packet);
        if (read == AVERROR_EOF && !draining) {
            draining = 1;
            avcodec_send_packet(codec, NULL);
            continue;
        }
        if (read < 0) {
            result = read == AVERROR_EOF ? 0 : read;
            break;
        }
        if (packet->stream_index == stream) {
            int sent = avcodec_send_packet(codec, packet);
            if (sent == AVERROR_INVALIDDATA && ++bad_packets < MAX_BAD_PACKETS) sent = 0;
            else if (sent == 0) bad_packets = 0;
            if (sent < 0 && sent != AVERROR(EAGAIN)) result = sent;
        }
        av_packet_unref(packet);
    }
    av_frame_free(&frame);
    av_packet_free(&packet);
    if (result < 0 && result != PARLEY_AV_TOO_LONG) parley_av_message(result, message, message_size);
    return result;
}

int64_t parley_media_duration_us(const char *path) {
    parley_av_setup();
    AVFormatContext *format = NULL;
    if (avformat_open_input(&format, path, NULL, NULL) < 0) return -1;
    int64_t duration = -1;
    if (avformat_find_stream_info(format, NULL) >= 0 && format->duration != AV_NOPTS_VALUE) duration = format->duration;
    avformat_close_input(&format);
    return duration;
}

int parley_audio_scan(const char *path, int columns, double max_seconds, float *peaks, parley_audio_info *info,
                      char *message, size_t message_size) {
    parley_av_setup();
    memset(info, 0, sizeof *info);
    AVFormatContext *format = NULL;
    int result = avformat_open_input(&format, path, NULL, NULL);
    if (result < 0) return parley_av_message(result, message, message_size);
    result = avformat_find_stream_info(format, NULL);
    const AVCodec *decoder = NULL;
    if (result >= 0) result = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, &decoder, 0);
    if (result == AVERROR_STREAM_NOT_FOUND) result = PARLEY_AV_NO_AUDIO;
    if (result == AVERROR_DECODER_NOT_FOUND) result = PARLEY_AV_NO_DECODER;
    if (result < 0) {
        avformat_close_input(&format);
        return parley_av_message(result, message, message_size);
    }
    int stream = result;
    AVCodecContext *codec = avcodec_alloc_context3(decoder);
    result = codec ? avcodec_parameters_to_context(codec, format->streams[stream]->codecpar) : AVERROR(ENOMEM);
    if (result >= 0) {
        codec->thread_count = 1;
        result = avcodec_open2(codec, decoder, NULL);
    }
    peak_buckets *buckets = calloc(1, sizeof *buckets);
    if (!buckets && result >= 0) result = AVERROR(ENOMEM);
    if (result >= 0) {
        buckets->width = 1;
        int64_t max_samples = (int64_t)(max_seconds * (codec->sample_rate > 0 ? codec->sample_rate : 48000));
        result = scan(format, codec, stream, max_samples, buckets, message, message_size);
    } else {
        parley_av_message(result, message, message_size);
    }
    if (result >= 0) {
        snprintf(info->container, sizeof info->container, "%s", format->iformat->name);
        snprintf(info->codec, sizeof info->codec, "%s", avcodec_get_name(codec->codec_id));
        info->sample_rate = codec->sample_rate;
        info->channels = codec->ch_layout.nb_channels;
        info->samples = buckets->samples;
        for (int column = 0; column < columns; column++) peaks[column] = 0;
        for (int bucket = 0; bucket < buckets->used; bucket++) {
            int column = (int)((int64_t)bucket * columns / buckets->used);
            if (buckets->peaks[bucket] > peaks[column]) peaks[column] = buckets->peaks[bucket];
        }
    }
    free(buckets);
    avcodec_free_context(&codec);
    avformat_close_input(&format);
    return result < 0 ? result : 0;
}
