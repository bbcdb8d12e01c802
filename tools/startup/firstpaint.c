// firstpaint X Y W H MINDARK CMD [ARG...]
//
// Runs CMD and polls the root window of $DISPLAY every 2 ms until the rectangle X,Y,W,H holds at
// least MINDARK dark pixels (text has been drawn there) next to a light one (the window's
// background), then prints the milliseconds from the exec to that moment. 1.5 s later it
// prints the process's peak resident memory (VmHWM) on stderr and stops it.
//
// Used by measure.sh (make startup) to time "from start to the window showing its content"
// the same way for Ziping and for a hello-world Fyne window.
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
	if (argc < 7) {
		fprintf(stderr, "usage: firstpaint X Y W H MINDARK CMD [ARG...]\n");
		return 2;
	}
	int x = atoi(argv[1]), y = atoi(argv[2]), w = atoi(argv[3]), h = atoi(argv[4]), min = atoi(argv[5]);
	Display *d = XOpenDisplay(NULL);
	if (!d) {
		fprintf(stderr, "firstpaint: cannot open display\n");
		return 2;
	}
	Window root = DefaultRootWindow(d);
	double t0 = now_ms();
	pid_t p = fork();
	if (p == 0) {
		int fd = open("/dev/null", O_WRONLY);
		dup2(fd, 1);
		dup2(fd, 2);
		execvp(argv[6], argv + 6);
		_exit(127);
	}
	for (;;) {
		double t = now_ms() - t0;
		if (t > 20000) {
			printf("TIMEOUT\n");
			kill(p, SIGKILL);
			return 1;
		}
		XImage *im = XGetImage(d, root, x, y, w, h, AllPlanes, ZPixmap);
		int dark = 0, light = 0;
		for (int j = 0; im && j < h; j++)
			for (int i = 0; i < w; i++) {
				unsigned long px = XGetPixel(im, i, j);
				int s = ((px >> 16) & 255) + ((px >> 8) & 255) + (px & 255);
				dark += s > 0 && s < 400; // Xvfb's root is black: 0 is "nothing drawn yet"
				light += s > 600;
			}
		if (im)
			XDestroyImage(im);
		if (dark >= min && light > 0) {
			printf("%.0f\n", t);
			fflush(stdout);
			break;
		}
		usleep(2000);
	}
	usleep(1500000);
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)p);
	FILE *f = fopen(path, "r");
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "VmHWM", 5))
			fprintf(stderr, "%s", line);
	if (f)
		fclose(f);
	kill(p, SIGTERM);
	waitpid(p, 0, 0);
	return 0;
}
