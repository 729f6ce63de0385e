"""placeholder"""
from typing import Any
def session_failed(settings: dict[str, Any]) -> bool:
    return False
