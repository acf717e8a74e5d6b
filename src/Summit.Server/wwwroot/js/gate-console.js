// The gate console's browser side: the scan field a USB keyboard-wedge scanner types into, the audible cue, the camera that
// reads codes, the camera that films the person for the face check, and the remembered gate. Every scan goes to the page's
// [JSInvokable] Scan method, one at a time, in the order read, with the face camera's frame of the moment it was read.

const soundKey = "summit.gate.sound";
let audio = null;

/** Wires the scan field: Enter submits, the field keeps the focus, scans queue in order. Returns a handle with dispose(). */
export function attach(input, page, maxLength) {
    let queue = Promise.resolve();
    const submit = text => {
        // The frame is taken now, when the code is read and its holder stands at the lane, not when the queue reaches the scan.
        // At a gate that requires a live face, a burst taken over the next second while the person turns their head.
        const frames = grabFaceBurst();
        queue = queue
            .then(() => frames)
            // Streams, not arguments: a JPEG is larger than one message of the page's connection may be.
            .then(blobs => page.invokeMethodAsync("Scan", text.slice(0, maxLength),
                ...[0, 1, 2].map(i => blobs[i] ? DotNet.createJSStreamReference(blobs[i]) : null)))
            .then(cue, () => cue("error"));
    };

    const onKey = event => {
        // An Enter that confirms an input method's composition (Chinese pinyin...) is not the end of a scan.
        if (event.key !== "Enter" || event.isComposing) {
            return;
        }

        event.preventDefault();
        // Only the line terminator is stripped: spaces or symbols inside a code are part of what was scanned.
        const text = input.value.replace(/[\r\n]+$/, "");
        input.value = "";
        if (text.length > 0) {
            submit(text);
        }
    };

    // The operator may use the lane's other controls (a menu, a dialog, a text field); anything else gives the focus back.
    const busyElsewhere = () => {
        const active = document.activeElement;
        const editing = active && active !== input && active.matches("input, textarea, select, [contenteditable=true]");
        return editing || document.querySelector(".mud-popover-open, .mud-dialog-container") !== null;
    };
    const refocus = () => {
        if (input.isConnected && document.activeElement !== input && !busyElsewhere()) {
            input.focus({ preventScroll: true });
        }
    };
    const onBlur = () => setTimeout(refocus, 150);
    const onClick = () => setTimeout(refocus, 0);

    input.addEventListener("keydown", onKey);
    input.addEventListener("blur", onBlur);
    document.addEventListener("click", onClick);
    input.focus({ preventScroll: true });

    return {
        submit,
        dispose() {
            input.removeEventListener("keydown", onKey);
            input.removeEventListener("blur", onBlur);
            document.removeEventListener("click", onClick);
            stopCamera();
            closeFaceCamera();
        },
    };
}

/** Plays the verdict's tone: one short high beep to pass, two for an alert, a low buzz for a refusal or an error. */
export function cue(kind) {
    if (!soundOn()) {
        return;
    }

    try {
        audio ??= new AudioContext();
        const tones = {
            admitted: [[880, 0, 0.12, "sine"]],
            alert: [[880, 0, 0.1, "sine"], [660, 0.16, 0.16, "sine"]],
            refused: [[196, 0, 0.45, "square"]],
            error: [[196, 0, 0.2, "square"], [196, 0.3, 0.2, "square"]],
        }[kind] ?? [];
        const start = audio.currentTime;
        for (const [frequency, offset, length, shape] of tones) {
            const oscillator = audio.createOscillator();
            const gain = audio.createGain();
            oscillator.type = shape;
            oscillator.frequency.value = frequency;
            gain.gain.setValueAtTime(0.18, start + offset);
            gain.gain.exponentialRampToValueAtTime(0.001, start + offset + length);
            oscillator.connect(gain).connect(audio.destination);
            oscillator.start(start + offset);
            oscillator.stop(start + offset + length);
        }
    } catch {
        // No audio output: the colours still tell.
    }
}

export function soundOn() {
    return localStorage.getItem(soundKey) !== "off";
}

export function setSound(on) {
    localStorage.setItem(soundKey, on ? "on" : "off");
}

export function remember(key, value) {
    localStorage.setItem(key, value);
}

export function recall(key) {
    return localStorage.getItem(key);
}

// --- camera -----------------------------------------------------------------------------------------

let camera = null;

/**
 * Opens the device camera in the video element and feeds every QR code it reads to the handle's scan path. The same code
 * held in front of the lens is read once, not once per frame. Answers "on", or why not: "insecure" (the camera needs HTTPS
 * or localhost), "denied", "absent" or "failed".
 */
export async function startCamera(video, handle) {
    stopCamera();
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
        return "insecure";
    }

    let stream;
    try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch (error) {
        return error?.name === "NotAllowedError" || error?.name === "SecurityError" ? "denied"
            : error?.name === "NotFoundError" || error?.name === "OverconstrainedError" ? "absent"
            : "failed";
    }

    const decode = await decoder();
    if (!decode) {
        stream.getTracks().forEach(t => t.stop());
        return "failed";
    }

    video.srcObject = stream;
    video.setAttribute("playsinline", "");
    video.muted = true;
    await video.play().catch(() => { });
    const state = { stream, stopped: false, last: "", lastAt: 0 };
    camera = state;
    const canvas = document.createElement("canvas");
    const tick = async () => {
        if (state.stopped) {
            return;
        }

        if (video.readyState >= 2 && video.videoWidth > 0) {
            const text = await decode(video, canvas);
            const now = performance.now();
            if (text && (text !== state.last || now - state.lastAt > 4000)) {
                handle.submit(text);
            }

            if (text) {
                state.last = text;
                state.lastAt = now;
            }
        }

        setTimeout(tick, 120);
    };
    tick();
    return "on";
}

export function stopCamera() {
    if (camera) {
        camera.stopped = true;
        camera.stream.getTracks().forEach(t => t.stop());
        camera = null;
    }
}

/** The browser's own QR reader where it has one, otherwise jsQR (vendored: events run offline), loaded on first use. */
async function decoder() {
    if ("BarcodeDetector" in window) {
        try {
            if ((await BarcodeDetector.getSupportedFormats()).includes("qr_code")) {
                const detector = new BarcodeDetector({ formats: ["qr_code"] });
                return async video => (await detector.detect(video).catch(() => []))[0]?.rawValue ?? null;
            }
        } catch {
            // Fall back to jsQR.
        }
    }

    if (!window.jsQR) {
        const loaded = await new Promise(resolve => {
            const script = document.createElement("script");
            script.src = "lib/jsqr/jsQR.js";
            script.onload = () => resolve(true);
            script.onerror = () => resolve(false);
            document.head.appendChild(script);
        });
        if (!loaded) {
            return null;
        }
    }

    return (video, canvas) => {
        // A 640-pixel-wide frame is plenty for a badge held at arm's length, and keeps a tablet responsive.
        const scale = Math.min(1, 640 / video.videoWidth);
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        const context = canvas.getContext("2d", { willReadFrequently: true });
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        return window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" })?.data ?? null;
    };
}

// --- face camera ------------------------------------------------------------------------------------

/** The longest side of a frame sent for the face check: a face at the lane stays well over the engine's minimum size. */
const faceFrameSide = 640;
const faceFrameQuality = 0.85;
let faceCamera = null;

/**
 * Opens the camera that films the person at the lane, once, and keeps its stream for the page's life; the video element is the
 * operator's preview of what is sent. Answers "on", or why not: "insecure", "denied", "absent" or "failed". Frames are taken
 * only while sending is on (an entry lane where faces are checked) and only at a scan.
 */
export async function openFaceCamera(video, maxBytes) {
    if (faceCamera) {
        // The page was drawn again (a reconnection): the stream already allowed goes on in its new preview.
        if (faceCamera.video !== video) {
            video.srcObject = faceCamera.stream;
            video.muted = true;
            await video.play().catch(() => { });
            faceCamera.video = video;
        }

        return "on";
    }

    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
        return "insecure";
    }

    let stream;
    try {
        // The camera facing the operator's side of a tablet, which is the one facing the person; any camera on a PC.
        stream = await navigator.mediaDevices.getUserMedia({
            video: { facingMode: "user", width: { ideal: 640 }, height: { ideal: 480 } },
            audio: false,
        });
    } catch (error) {
        return error?.name === "NotAllowedError" || error?.name === "SecurityError" ? "denied"
            : error?.name === "NotFoundError" || error?.name === "OverconstrainedError" ? "absent"
            : "failed";
    }

    video.srcObject = stream;
    video.setAttribute("playsinline", "");
    video.muted = true;
    await video.play().catch(() => { });
    faceCamera = { stream, video, maxBytes, sending: true, burst: 1 };
    return "on";
}

/** How many frames a scan carries: 1, or a burst (at most 3 here) at a gate that requires a live face. */
export function faceBurst(count) {
    if (faceCamera) {
        faceCamera.burst = Math.max(1, Math.min(3, count | 0));
    }
}

/** The pause between the frames of a burst: three frames over about 0.8 s, while the person turns their head slightly. */
const faceBurstGap = 400;

/** The scan's frames (JPEG Blobs, oldest first; empty without a face camera): one now, and at a liveness gate more after it. */
async function grabFaceBurst() {
    const count = faceCamera?.burst ?? 1;
    const frames = [];
    for (let i = 0; i < count; i++) {
        if (i > 0) {
            await new Promise(resolve => setTimeout(resolve, faceBurstGap));
        }

        const frame = await grabFaceFrame();
        if (frame) {
            frames.push(frame);
        }
    }

    return frames;
}

/** Sends frames with the scans or not (an exit lane: only entries are compared). The stream stays open either way. */
export function sendFaceFrames(on) {
    if (faceCamera) {
        faceCamera.sending = on;
    }
}

export function closeFaceCamera() {
    if (faceCamera) {
        faceCamera.stream.getTracks().forEach(t => t.stop());
        faceCamera.video.srcObject = null;
        faceCamera = null;
    }
}

/** The current picture as a JPEG Blob (longest side at most 640 px), or null without a face camera or a picture yet. */
function grabFaceFrame() {
    const state = faceCamera;
    const video = state?.video;
    if (!state?.sending || !video || video.readyState < 2 || video.videoWidth === 0) {
        return Promise.resolve(null);
    }

    const scale = Math.min(1, faceFrameSide / Math.max(video.videoWidth, video.videoHeight));
    // A canvas of its own: the coarser retry below must encode this scan's picture, not the next scan's.
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
    const encode = quality => new Promise(resolve => canvas.toBlob(resolve, "image/jpeg", quality));
    // A 640-pixel JPEG is far under the server's limit; a very busy picture gets one more, coarser try rather than a refused scan.
    return encode(faceFrameQuality)
        .then(blob => blob && blob.size > state.maxBytes ? encode(0.5) : blob)
        .catch(() => null);
}
