// Frames from a capture device or a video file through libavformat, libavcodec and libswscale. The latest
// decoded frame is kept, so a still can be taken of exactly what the viewfinder showed, at full size.
#include "CVideoCodecs.h"
#include "av_common.h"
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

// A broken file can make every packet fail to decode; after this many in a row it is not worth reading on.
#define MAX_BAD_PACKETS 64

struct parley_video {
    AVFormatContext *format;
    AVCodecContext *codec;
    int stream;
    int64_t max_pixels;
    AVPacket *packet;
    AVFrame *scratch;   // what the decoder writes into; it clears it before every attempt
    AVFrame *latest;    // the newest complete frame
    int has_frame;
    int draining;
    struct SwsContext *scaler;
    atomic_int interrupted;
};

static int interrupt_requested(void *opaque) { return atomic_load(&((parley_video *)opaque)->interrupted); }

void parley_video_interrupt(parley_video *video) { atomic_store(&video->interrupted, 1); }

int parley_video_open(const char *input_format, const char *url, int64_t max_pixels, parley_video **out,
                      char *message, size_t message_size) {
    parley_av_setup();
    *out = NULL;
    parley_video *video = calloc(1, sizeof *video);
    if (!video) return AVERROR(ENOMEM);
    video->max_pixels = max_pixels;
    video->stream = -1;
    video->format = avformat_alloc_context();
    if (!video->format) {
        free(video);
        return AVERROR(ENOMEM);
    }
    // Set before opening, so that even a device that never answers can be given up on.
    video->format->interrupt_callback.callback = interrupt_requested;
    video->format->interrupt_callback.opaque = video;
    const AVInputFormat *format = NULL;
    if (input_format) {
        format = av_find_input_format(input_format);
        if (!format) {
            snprintf(message, message_size, "FFmpeg has no %s input", input_format);
            avformat_free_context(video->format);
            free(video);
            return AVERROR_DEMUXER_NOT_FOUND;
        }
    }
    int result = avformat_open_input(&video->format, url, format, NULL);
    if (result < 0) {
        // avformat_open_input frees the context on failure.
        parley_av_message(result, message, message_size);
        free(video);
        return result;
    }
    // Sizes the container states are checked before anything is decoded: finding the stream info decodes.
    for (unsigned i = 0; i < video->format->nb_streams; i++) {
        const AVCodecParameters *stated = video->format->streams[i]->codecpar;
        if (stated->codec_type == AVMEDIA_TYPE_VIDEO && (int64_t)stated->width * stated->height > max_pixels) {
            snprintf(message, message_size, "%dx%d", stated->width, stated->height);
            parley_video_close(video);
            return PARLEY_AV_TOO_LARGE;
        }
    }
    result = avformat_find_stream_info(video->format, NULL);
    if (result < 0) return parley_av_fail(result, message, message_size, video, (void (*)(void *))parley_video_close);
    const AVCodec *decoder = NULL;
    result = av_find_best_stream(video->format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (result == AVERROR_STREAM_NOT_FOUND) result = PARLEY_AV_NO_VIDEO;
    if (result == AVERROR_DECODER_NOT_FOUND) result = PARLEY_AV_NO_DECODER;
    if (result < 0) return parley_av_fail(result, message, message_size, video, (void (*)(void *))parley_video_close);
    video->stream = result;
    AVCodecParameters *parameters = video->format->streams[video->stream]->codecpar;
    if (parameters->width <= 0 || parameters->height <= 0 ||
        (int64_t)parameters->width * parameters->height > max_pixels) {
        snprintf(message, message_size, "%dx%d", parameters->width, parameters->height);
        parley_video_close(video);
        return PARLEY_AV_TOO_LARGE;
    }
    video->codec = avcodec_alloc_context3(decoder);
    if (!video->codec) return parley_av_fail(AVERROR(ENOMEM), message, message_size, video,
                                             (void (*)(void *))parley_video_close);
    avcodec_parameters_to_context(video->codec, parameters);
    // The decoder itself refuses frames larger than the limit, whatever later packets claim.
    video->codec->max_pixels = max_pixels;
    // One thread: frames come out in order with no added latency, and the machine's other work keeps its cores.
    video->codec->thread_count = 1;
    result = avcodec_open2(video->codec, decoder, NULL);
    video->packet = av_packet_alloc();
    video->scratch = av_frame_alloc();
    video->latest = av_frame_alloc();
    if (result >= 0 && (!video->packet || !video->scratch || !video->latest)) result = AVERROR(ENOMEM);
    if (result < 0) return parley_av_fail(result, message, message_size, video, (void (*)(void *))parley_video_close);
    *out = video;
    return 0;
}

void parley_video_describe(const parley_video *video, parley_video_info *info) {
    memset(info, 0, sizeof *info);
    const AVStream *stream = video->format->streams[video->stream];
    info->width = stream->codecpar->width;
    info->height = stream->codecpar->height;
    // The base rate when it is plausible (a container's time base can pass for one); the average otherwise,
    // which B-frames and an uneven last frame pull off the true rate.
    AVRational rate = stream->r_frame_rate.num > 0 && av_q2d(stream->r_frame_rate) <= 240 ? stream->r_frame_rate
                                                                                          : stream->avg_frame_rate;
    info->frame_rate = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0;
    info->duration_us = video->format->duration == AV_NOPTS_VALUE ? -1 : video->format->duration;
    snprintf(info->container, sizeof info->container, "%s", video->format->iformat->name);
    snprintf(info->video_codec, sizeof info->video_codec, "%s", avcodec_get_name(stream->codecpar->codec_id));
    const char *pixel_format = av_get_pix_fmt_name(stream->codecpar->format);
    snprintf(info->pixel_format, sizeof info->pixel_format, "%s", pixel_format ? pixel_format : "unknown");
    int audio = av_find_best_stream(video->format, AVMEDIA_TYPE_AUDIO, -1, -1, NULL, 0);
    if (audio >= 0) {
        const AVCodecParameters *sound = video->format->streams[audio]->codecpar;
        snprintf(info->audio_codec, sizeof info->audio_codec, "%s", avcodec_get_name(sound->codec_id));
        info->audio_sample_rate = sound->sample_rate;
        info->audio_channels = sound->ch_layout.nb_channels;
    }
}

int parley_video_next(parley_video *video, char *message, size_t message_size) {
    int bad_packets = 0;
    for (;;) {
        int result = avcodec_receive_frame(video->codec, video->scratch);
        if (result == 0) {
            av_frame_unref(video->latest);
            av_frame_move_ref(video->latest, video->scratch);
            video->has_frame = 1;
            return 1;
        }
        if (result == AVERROR_EOF) return 0;
        if (result != AVERROR(EAGAIN)) return parley_av_message(result, message, message_size);
        result = av_read_frame(video->format, video->packet);
        if (result == AVERROR_EOF && !video->draining) {
            video->draining = 1;
            avcodec_send_packet(video->codec, NULL);
            continue;
        }
        if (result == AVERROR_EOF) return 0;
        if (result < 0) return parley_av_message(result, message, message_size);
        if (video->packet->stream_index != video->stream) {
            av_packet_unref(video->packet);
            continue;
        }
        result = avcodec_send_packet(video->codec, video->packet);
        av_packet_unref(video->packet);
        if (result == AVERROR_INVALIDDATA && ++bad_packets < MAX_BAD_PACKETS) continue;
        if (result < 0 && result != AVERROR(EAGAIN)) return parley_av_message(result, message, message_size);
        if (result == 0) bad_packets = 0;
    }
}

void parley_video_frame_size(const parley_video *video, int *width, int *height) {
    *width = video->has_frame ? video->latest->width : 0;
    *height = video->has_frame ? video->latest->height : 0;
}

int64_t parley_video_frame_time_us(const parley_video *video) {
    if (!video->has_frame || video->latest->best_effort_timestamp == AV_NOPTS_VALUE) return 0;
    const AVStream *stream = video->format->streams[video->stream];
    int64_t start = stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time;
    return av_rescale_q(video->latest->best_effort_timestamp - start, stream->time_base, AV_TIME_BASE_Q);
}

int parley_video_scale(parley_video *video, int width, int height, unsigned char *rgb) {
    if (!video->has_frame) return PARLEY_AV_NO_FRAME;
    AVFrame *frame = video->latest;
    if ((int64_t)frame->width * frame->height > video->max_pixels) return PARLEY_AV_TOO_LARGE;
    // Bilinear: as sharp as a terminal cell can show, at a fraction of bicubic's cost.
    video->scaler = sws_getCachedContext(video->scaler, frame->width, frame->height, frame->format, width, height,
                                         AV_PIX_FMT_RGB24, SWS_BILINEAR, NULL, NULL, NULL);
    if (!video->scaler) return PARLEY_AV_BAD_FORMAT;
    uint8_t *planes[4] = {rgb, NULL, NULL, NULL};
    int strides[4] = {width * 3, 0, 0, 0};
    sws_scale(video->scaler, (const uint8_t *const *)frame->data, frame->linesize, 0, frame->height, planes, strides);
    return 0;
}

void parley_video_close(parley_video *video) {
    if (!video) return;
    sws_freeContext(video->scaler);
    av_frame_free(&video->latest);
    av_frame_free(&video->scratch);
    av_packet_free(&video->packet);
    avcodec_free_context(&video->codec);
    avformat_close_input(&video->format);
    free(video);
}
