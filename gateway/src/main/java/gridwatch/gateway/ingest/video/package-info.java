/** Camera sources (file, RTSP, MJPEG, snapshot URLs) decoded with JavaCV's FFmpeg grabber. */
@NullMarked
package gridwatch.gateway.ingest.video;

import org.jspecify.annotations.NullMarked;
