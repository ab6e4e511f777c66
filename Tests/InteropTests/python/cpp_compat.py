"""What the interop scripts do differently for the two official C++ client generations they drive."""
import ctypes
import importlib.metadata

from rocketmq import ffi
from rocketmq.exceptions import ffi_check

_TRACE_OPEN = 0  # CTraceModel OPEN (CCommon.h)


def client_generation():
    """"2.1.0" for rocketmq-python-cvs==2.1.0.x (librocketmq 2.1.0), "1.x" for rocketmq==0.4.4."""
    try:
        if importlib.metadata.version("rocketmq-python-cvs").startswith("2.1.0"):
            return "2.1.0"
    except importlib.metadata.PackageNotFoundError:
        pass
    return "1.x"


def prepare_push_consumer(consumer):
    """Call before start(). librocketmq 2.1.0's push consumer shutdown dereferences its message-trace producer,
    which exists only with tracing on (rocketmq-client-cpp issue #286, fixed in 2.2.0): with tracing off the
    process dies of SIGSEGV in shutdown(), before it commits its offsets. Tracing on gives it that producer."""
    if client_generation() == "2.1.0":
        set_trace = ffi.dll.SetPushConsumerMessageTrace
        set_trace.argtypes = [ctypes.c_void_p, ctypes.c_int]
        set_trace.restype = ffi._CStatus
        ffi_check(set_trace(consumer._handle, _TRACE_OPEN))
