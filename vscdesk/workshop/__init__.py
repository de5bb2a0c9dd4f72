"""Workshop mode: several people edit one map live through a shared Y (CRDT) document.

Qt-free: the layout of the shared document and the mapping to and from ``DocumentModel``
(``layout``, ``writer``, ``projection``), the deterministic repair rules every peer applies
(``projection``), access tokens and join links (``access``), and the network host and peer
on pycrdt and pycrdt-websocket (``host``, ``peer``). The window's side is ``app/share*.py``.
"""
