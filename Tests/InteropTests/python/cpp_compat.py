"""What the interop scripts do differently for the two official C++ client generations they drive.
Import it before rocketmq."""
import ctypes
import importlib.metadata
import os

# librocketmq 2.1.0 (this build) logs to /logs/rocketmq-client/ unless ROCKETMQ_CLIENT_LOG_DIR says otherwise;
# keep its logs where 1.x writes them, under the home directory, which a user who is not root can write.
os.environ.setdefault("ROCKETMQ_CLIENT_LOG_DIR", os.path.join(os.path.expanduser("~"), "logs", "rocketmq-cpp"))

from rocketmq import ffi  # noqa: E402 - after the log directory is set
from rocketmq.exceptions import ffi_check

_TRACE_OPEN, _TRACE_CLOSE = 0, 1  # CTraceModel (CCommon.h)


def client_generation():
    """"2.1.0" for rocketmq-python-cvs==2.1.0.x (librocketmq 2.1.0), "1.x" for rocketmq==0.4.4."""
    try:
        if importlib.metadata.version("rocketmq-python-cvs").startswith("2.1.0"):
            return "2.1.0"
    except importlib.metadata.PackageNotFoundError:
        pass
    return "1.x"


def _set_trace(consumer, model):
    set_trace = ffi.dll.SetPushConsumerMessageTrace
    set_trace.argtypes = [ctypes.c_void_p, ctypes.c_int]
    set_trace.restype = ffi._CStatus
    ffi_check(set_trace(consumer._handle, model))


def start_push_consumer(consumer):
    """consumer.start(), so that the consumer can also stop. librocketmq 2.1.0's push consumer shutdown
    dereferences its message-trace producer, which start() creates only with tracing on (rocketmq-client-cpp
    issue #286, fixed in 2.2.0): with tracing off the process dies of SIGSEGV in shutdown(), before it commits
    its offsets. So for 2.1.0 tracing is on while start() runs, and off afterwards (the consume paths check
    the flag), so no trace messages are sent."""
    if client_generation() != "2.1.0":
        consumer.start()
        return
    _set_trace(consumer, _TRACE_OPEN)
    consumer.start()
    _set_trace(consumer, _TRACE_CLOSE)


def set_max_reconsume_times(consumer, times):
    """librocketmq 2.1.0 sends its maxReconsumeTimes (default 16) with CONSUMER_SEND_MSG_BACK, and the broker
    then uses it instead of the group's retryMaxTimes (Apache's rule for clients of 3.4.9 and later); 1.x sends
    none. 2.1.0's C API has no setter; the handle is the C++ DefaultMQPushConsumer (CPushConsumer.cpp), so its
    non-virtual setMaxReconsumeTimes(int) is called on it directly."""
    if client_generation() != "2.1.0":
        return
    setter = getattr(ffi.dll, "_ZN8rocketmq21DefaultMQPushConsumer20setMaxReconsumeTimesEi")
    setter.argtypes = [ctypes.c_void_p, ctypes.c_int]
    setter.restype = None
    setter(consumer._handle, times)
