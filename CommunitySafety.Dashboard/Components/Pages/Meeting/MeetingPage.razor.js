// Keys anywhere on the meeting page move the slides, except where a control needs the key itself.
let onKey;
let onResize;

export function listen(dotNet, keys) {
    stop();
    onKey = event => {
        if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || !keys.includes(event.key)) return;
        const target = event.target instanceof Element ? event.target : null;
        if (target?.closest('textarea, select, [contenteditable="true"], input:not([type=checkbox]):not([type=radio])')) return;
        if (event.key === ' ' && target?.closest('button, a, input, [role=button], [role=switch]')) return;
        event.preventDefault();
        dotNet.invokeMethodAsync('PressAsync', event.key);
    };
    let pending;
    onResize = () => {
        clearTimeout(pending);
        pending = setTimeout(() => dotNet.invokeMethodAsync('ResizedAsync'), 150);
    };
    document.addEventListener('keydown', onKey);
    window.addEventListener('resize', onResize);
}

export function height(element) {
    return Math.floor(element.clientHeight);
}

export function stop() {
    if (onKey) document.removeEventListener('keydown', onKey);
    if (onResize) window.removeEventListener('resize', onResize);
    onKey = onResize = undefined;
}
