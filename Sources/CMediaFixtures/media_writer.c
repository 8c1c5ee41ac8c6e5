// Encodes synthetic media with libavformat and libavcodec: a moving colour pattern and a rising tone.
#include "CMediaFixtures.h"
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/log.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    AVCodecContext *codec;
    AVStream *stream;
    AVFrame *frame;
    int64_t next_pts;
} output_stream;

static int fail(int code, char *message, size_t message_size) {
    if (av_strerror(code, message, message_size) < 0) snprintf(message, message_size, "error %d", code);
    return code;
}

/// Sends `frame` (NULL to flush) to the encoder and writes every packet it gives back.
static int encode(AVFormatContext *format, output_stream *output, AVFrame *frame) {
    int result = avcodec_send_frame(output->codec, frame);
    AVPacket *packet = av_packet_alloc();
    while (result >= 0) {
        result = avcodec_receive_packet(output->codec, packet);
        if (result == AVERROR(EAGAIN) || result == AVERROR_EOF) {
            result = 0;
            break;
        }
        if (result < 0) break;
        av_packet_rescale_ts(packet, output->codec->time_base, output->stream->time_base);
        packet->stream_index = output->stream->index;
        result = av_interleaved_write_frame(format, packet);
    }
    av_packet_free(&packet);
    return result;
}

static int add_stream(AVFormatContext *format, const char *name, output_stream *output) {
    const AVCodec *encoder = avcodec_find_encoder_by_name(name);
    if (!encoder) return AVERROR_ENCODER_NOT_FOUND;
    output->stream = avformat_new_stream(format, NULL);
    output->codec = avcodec_alloc_context3(encoder);
    output->frame = av_frame_alloc();
    if (!output->stream || !output->codec || !output->frame) return AVERROR(ENOMEM);
    if (format->oformat->flags & AVFMT_GLOBALHEADER) output->codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    return 0;
}

static int open_video(AVFormatContext *format, const char *name, int width, int height, int rate,
                      output_stream *output) {
    int result = add_stream(format, name, output);
    if (result < 0) return result;
    AVCodecContext *codec = output->codec;
    codec->width = width;
    codec->height = height;
    codec->time_base = (AVRational){1, rate};
    codec->framerate = (AVRational){rate, 1};
    codec->pix_fmt = AV_PIX_FMT_YUV420P;
    codec->gop_size = rate;
    codec->bit_rate = 400000;
    codec->thread_count = 1;
    output->stream->time_base = codec->time_base;
    if ((result = avcodec_open2(codec, NULL, NULL)) < 0) return result;
    output->frame->format = codec->pix_fmt;
    output->frame->width = width;
    output->frame->height = height;
    if ((result = av_frame_get_buffer(output->frame, 0)) < 0) return result;
    return avcodec_parameters_from_context(output->stream->codecpar, codec);
}

static int open_audio(AVFormatContext *format, const char *name, int sample_rate, int channels,
                      output_stream *output) {
    int result = add_stream(format, name, output);
    if (result < 0) return result;
    AVCodecContext *codec = output->codec;
    const AVCodec *encoder = codec->codec;
    codec->sample_fmt = encoder->sample_fmts ? encoder->sample_fmts[0] : AV_SAMPLE_FMT_FLTP;
    codec->sample_rate = sample_rate;
    codec->bit_rate = 64000;
    av_channel_layout_default(&codec->ch_layout, channels);
    codec->time_base = (AVRational){1, sample_rate};
    output->stream->time_base = codec->time_base;
    if ((result = avcodec_open2(codec, NULL, NULL)) < 0) return result;
    AVFrame *frame = output->frame;
    frame->format = codec->sample_fmt;
    frame->sample_rate = sample_rate;
    frame->nb_samples = codec->frame_size > 0 ? codec->frame_size : 1024;
    av_channel_layout_copy(&frame->ch_layout, &codec->ch_layout);
    if ((result = av_frame_get_buffer(frame, 0)) < 0) return result;
    return avcodec_parameters_from_context(output->stream->codecpar, codec);
}

static void fill_picture(AVFrame *frame, int index) {
    av_frame_make_writable(frame);
    for (int y = 0; y < frame->height; y++)
        for (int x = 0; x < frame->width; x++) frame->data[0][y * frame->linesize[0] + x] = x + y + index * 3;
    for (int y = 0; y < frame->height / 2; y++) {
        for (int x = 0; x < frame->width / 2; x++) {
            frame->data[1][y * frame->linesize[1] + x] = 128 + y + index * 2;
            frame->data[2][y * frame->linesize[2] + x] = 64 + x + index * 5;
        }
    }
}

/// One frame of a 440 Hz tone whose loudness grows linearly over `total` samples.
static void fill_sound(AVFrame *frame, int64_t start, int64_t total) {
    av_frame_make_writable(frame);
    int channels = frame->ch_layout.nb_channels;
    int planar = av_sample_fmt_is_planar(frame->format);
    enum AVSampleFormat packed = av_get_packed_sample_fmt(frame->format);
    for (int i = 0; i < frame->nb_samples; i++) {
        double t = (double)(start + i) / frame->sample_rate;
        double value = sin(2 * M_PI * 440 * t) * (double)(start + i) / (double)total * 0.9;
        for (int channel = 0; channel < channels; channel++) {
            int plane = planar ? channel : 0, offset = planar ? i : i * channels + channel;
            uint8_t *data = frame->extended_data[plane];
            switch (packed) {
            case AV_SAMPLE_FMT_S16: ((int16_t *)data)[offset] = (int16_t)(value * 32767); break;
            case AV_SAMPLE_FMT_S32: ((int32_t *)data)[offset] = (int32_t)(value * 2147483647.0); break;
            case AV_SAMPLE_FMT_DBL: ((double *)data)[offset] = value; break;
            default: ((float *)data)[offset] = (float)value; break;
            }
        }
    }
}

static void close_stream(output_stream *output) {
    avcodec_free_context(&output->codec);
    av_frame_free(&output->frame);
}

static int write_media(const char *path, const char *video_codec, int width, int height, int frames, int rate,
                       const char *audio_codec, int sample_rate, int channels, double seconds) {
    av_log_set_level(AV_LOG_QUIET);
    AVFormatContext *format = NULL;
    int result = avformat_alloc_output_context2(&format, NULL, NULL, path);
    if (result < 0) return result;
    output_stream video = {0}, audio = {0};
    if (video_codec) result = open_video(format, video_codec, width, height, rate, &video);
    if (result >= 0 && audio_codec) result = open_audio(format, audio_codec, sample_rate, channels, &audio);
    if (result >= 0) result = avio_open(&format->pb, path, AVIO_FLAG_WRITE);
    if (result >= 0) result = avformat_write_header(format, NULL);
    int64_t total_samples = (int64_t)(seconds * sample_rate);
    while (result >= 0) {
        int video_left = video.codec && video.next_pts < frames;
        int audio_left = audio.codec && audio.next_pts < total_samples;
        if (!video_left && !audio_left) break;
        // Whichever stream is behind in time goes next, so the muxer gets them interleaved.
        int video_first = video_left && (!audio_left || av_compare_ts(video.next_pts, video.codec->time_base,
                                                                       audio.next_pts, audio.codec->time_base) <= 0);
        if (video_first) {
            fill_picture(video.frame, (int)video.next_pts);
            video.frame->pts = video.next_pts++;
            result = encode(format, &video, video.frame);
        } else {
            fill_sound(audio.frame, audio.next_pts, total_samples);
            audio.frame->pts = audio.next_pts;
            audio.next_pts += audio.frame->nb_samples;
            result = encode(format, &audio, audio.frame);
        }
    }
    if (result >= 0 && video.codec) result = encode(format, &video, NULL);
    if (result >= 0 && audio.codec) result = encode(format, &audio, NULL);
    if (result >= 0) result = av_write_trailer(format);
    close_stream(&video);
    close_stream(&audio);
    if (format->pb) avio_closep(&format->pb);
    avformat_free_context(format);
    return result;
}

int parley_write_video(const char *path, const char *video_codec, int width, int height, int frames, int rate,
                       const char *audio_codec, char *message, size_t message_size) {
    int sample_rate = audio_codec && strstr(audio_codec, "opus") ? 48000 : 44100;
    int result = write_media(path, video_codec, width, height, frames, rate, audio_codec, sample_rate, 2,
                             (double)frames / rate);
    return result < 0 ? fail(result, message, message_size) : 0;
}

int parley_write_sound(const char *path, const char *codec, int sample_rate, int channels, double seconds,
                       char *message, size_t message_size) {
    int result = write_media(path, NULL, 0, 0, 0, 1, codec, sample_rate, channels, seconds);
    return result < 0 ? fail(result, message, message_size) : 0;
}
