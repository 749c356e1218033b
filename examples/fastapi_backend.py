"""A FastAPI backend for a React frontend that follows runs with @trigger.dev/react-hooks.

POST /orders triggers the `process-order` task and answers {runId, publicAccessToken}; the page
passes both to useRealtimeRun(runId, {accessToken}). GET /report-token hands the page a one-time
token for useTaskTrigger("generate-report"). See docs/guide-backend-frontend.md.

    pip install trigger-facade fastapi uvicorn
    TRIGGER_SECRET_KEY=tr_dev_... uvicorn examples.fastapi_backend:app

Importing this module needs neither FastAPI nor a key: both are only needed by create_app().
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trigger_facade import AsyncTriggerClient

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(client: AsyncTriggerClient | None = None) -> FastAPI:
    from contextlib import asynccontextmanager

    from fastapi import FastAPI, Header
    from pydantic import BaseModel

    class Order(BaseModel):
        sku: str
        quantity: int

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        # one client for the app: it keeps its connections and the environment's token claims
        app.state.trigger = client or AsyncTriggerClient()
        yield
        await app.state.trigger.close()

    app = FastAPI(lifespan=lifespan)

    @app.post("/orders")
    async def create_order(order: Order, x_user_id: str = Header()) -> dict[str, str]:
        trigger: AsyncTriggerClient = app.state.trigger
        handle = await trigger.tasks.trigger(
            "process-order",
            {"sku": order.sku, "quantity": order.quantity, "userId": x_user_id},
            idempotency_key=["order", x_user_id, order.sku],
            tags=[f"user:{x_user_id}"],
        )
        token = await trigger.auth.create_public_token(scopes={"read": {"runs": [handle.id]}}, expiration="1h")
        return {"runId": handle.id, "publicAccessToken": token}

    @app.get("/report-token")
    async def report_token() -> dict[str, str]:
        trigger: AsyncTriggerClient = app.state.trigger
        return {"token": await trigger.auth.create_trigger_token("generate-report", expiration="10m")}

    return app


def __getattr__(name: str) -> Any:
    # `uvicorn examples.fastapi_backend:app` asks for `app`; building it only then keeps the import safe
    if name == "app":
        return create_app()
    raise AttributeError(name)
